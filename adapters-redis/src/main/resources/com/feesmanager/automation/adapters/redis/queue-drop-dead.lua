-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms), dedupe retention (ms), then the keys to drop (none: every dead letter of the session)
local keys
if #ARGV > 2 then
  keys = {}
  for i = 3, #ARGV do
    keys[#keys + 1] = ARGV[i]
  end
else
  keys = redis.call('ZRANGE', KEYS[6], 0, -1)
end
local retentionMillis = tonumber(ARGV[2])
local dropped = 0
for _, key in ipairs(keys) do
  if redis.call('ZREM', KEYS[6], key) == 1 then
    redis.call('HDEL', KEYS[4], 'd:' .. key, 'm:' .. key, 'a:' .. key, 'r:' .. key, 's:' .. key, 't:' .. key)
    -- Remembered as finished, like a completed message: the same occurrence does not queue it again.
    redis.call('ZADD', KEYS[5], tonumber(ARGV[1]) + retentionMillis, key)
    redis.call('PEXPIRE', KEYS[5], math.max(retentionMillis, 1000))
    dropped = dropped + 1
  end
end
return dropped
