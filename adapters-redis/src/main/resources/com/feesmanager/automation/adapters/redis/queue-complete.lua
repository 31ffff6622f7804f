-- KEYS: ready, delayed, inflight, msg, st, done, dead
-- ARGV: key, token, now (ms), dedupe retention (ms)
local key = ARGV[1]
if redis.call('HGET', KEYS[5], 't:' .. key) ~= ARGV[2] then
  return 0
end
local now = tonumber(ARGV[3])
local retention = tonumber(ARGV[4])
redis.call('ZREM', KEYS[1], redis.call('HGET', KEYS[5], 'm:' .. key))
redis.call('ZREM', KEYS[2], key)
redis.call('ZREM', KEYS[3], key)
redis.call('HDEL', KEYS[4], key)
redis.call('HDEL', KEYS[5], 'm:' .. key, 't:' .. key, 'a:' .. key, 's:' .. key)
-- Forget keys whose retention ended, then remember this one until now + retention.
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', ARGV[3])
redis.call('ZADD', KEYS[6], now + retention, key)
redis.call('PEXPIRE', KEYS[6], math.max(retention, 1000))
return 1
