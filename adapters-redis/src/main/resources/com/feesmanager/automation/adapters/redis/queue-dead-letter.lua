-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, reason, now (ms)
local key = ARGV[1]
if redis.call('HGET', KEYS[4], 't:' .. key) ~= ARGV[2] then
  return 0
end
redis.call('ZREM', KEYS[1], redis.call('HGET', KEYS[4], 'm:' .. key))
redis.call('ZREM', KEYS[2], key)
redis.call('ZREM', KEYS[3], key)
redis.call('HDEL', KEYS[4], 't:' .. key, 's:' .. key)
-- The attempt of this claim failed too, so it counts.
redis.call('HINCRBY', KEYS[4], 'a:' .. key, 1)
redis.call('HSET', KEYS[4], 'r:' .. key, ARGV[3])
-- The payload (d:) stays: enqueue refuses the key until it is requeued.
redis.call('ZADD', KEYS[6], ARGV[4], key)
return 1
