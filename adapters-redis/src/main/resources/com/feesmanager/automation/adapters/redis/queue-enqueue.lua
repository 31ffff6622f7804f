-- KEYS: ready, delayed, inflight, st, done, dead, accounts
-- ARGV: key, payload, now (ms), enqueuedAt (13-digit ms, zero padded), account (uid)
local key = ARGV[1]
if redis.call('HEXISTS', KEYS[4], 'd:' .. key) == 1 then
  return 0 -- queued, delayed, in flight or dead
end
local forgetAt = redis.call('ZSCORE', KEYS[5], key)
if forgetAt then
  if tonumber(forgetAt) > tonumber(ARGV[3]) then
    return 0 -- finished within the dedupe retention
  end
  redis.call('ZREM', KEYS[5], key)
end
local seq = redis.call('HINCRBY', KEYS[4], 'seq', 1)
-- FIFO place: every member has score 0, so ZRANGE orders by (enqueuedAt, sequence).
local member = ARGV[4] .. string.format('%016d', seq) .. key
redis.call('HSET', KEYS[4], 'd:' .. key, ARGV[2], 'm:' .. key, member)
redis.call('ZADD', KEYS[1], 0, member)
-- The accounts with messages in this session (queue-counts-by-account.lua): kept only once it is
-- known whole, i.e. created on an empty queue (or by a count), so it never misses an account.
if redis.call('EXISTS', KEYS[7]) == 1
    or redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) + redis.call('ZCARD', KEYS[3])
      + redis.call('ZCARD', KEYS[6]) == 1 then
  redis.call('SADD', KEYS[7], ARGV[5])
end
return 1
