-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, readyAt (ms), attempt consumed (1/0)
local key = ARGV[1]
if redis.call('HGET', KEYS[4], 't:' .. key) ~= ARGV[2] then
  return 0
end
redis.call('ZREM', KEYS[1], redis.call('HGET', KEYS[4], 'm:' .. key))
redis.call('ZREM', KEYS[3], key)
-- The holder knows the outcome of its send, whatever it was.
redis.call('HDEL', KEYS[4], 't:' .. key, 's:' .. key)
if ARGV[4] == '1' then
  redis.call('HINCRBY', KEYS[4], 'a:' .. key, 1)
end
-- The FIFO member is kept, so the message returns to its original place when due.
redis.call('ZADD', KEYS[2], ARGV[3], key)
return 1
