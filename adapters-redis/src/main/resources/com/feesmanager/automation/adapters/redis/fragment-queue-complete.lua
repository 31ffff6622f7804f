-- Fragment, put in front of queue-complete and queue-complete-claim when they are loaded.
-- KEYS: ready, delayed, inflight, st, done, dead
-- complete(key, token, now (ms), dedupe retention (ms)): finishes the message unless the claim
-- was lost (its token replaced). Returns 1 when completed, else 0.
local function complete(key, token, now, retention)
  if redis.call('HGET', KEYS[4], 't:' .. key) ~= token then
    return 0
  end
  local retentionMillis = tonumber(retention)
  -- A message is in exactly one of inflight, ready (its claim timed out) or delayed.
  if redis.call('ZREM', KEYS[3], key) == 0 then
    redis.call('ZREM', KEYS[1], redis.call('HGET', KEYS[4], 'm:' .. key))
    redis.call('ZREM', KEYS[2], key)
  end
  redis.call('HDEL', KEYS[4], 'd:' .. key, 'm:' .. key, 't:' .. key, 'a:' .. key, 's:' .. key)
  -- Remember the key until now + retention (enqueue compares with its own now, so that is exact).
  if redis.call('ZADD', KEYS[5], tonumber(now) + retentionMillis, key) == 1
      and redis.call('ZCARD', KEYS[5]) == 1 or tonumber(token) % 64 == 0 then
    -- Trimming on a new set and on about one completion in 64, not on every one: forget keys
    -- whose retention ended.
    redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
  end
  -- The set lives a retention past its newest key: renewed on every completion, so a quiet
  -- session's set never expires with keys completed minutes ago in it.
  redis.call('PEXPIRE', KEYS[5], math.max(retentionMillis, 1000))
  return 1
end
