-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, askAt (ms)
-- A claim whose send got no reply comes back at askAt, if that is before its visibility timeout.
-- Its token and send mark stay: the next claim asks the gateway whether the send went out.
if redis.call('HGET', KEYS[4], 't:' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
local visibleUntil = redis.call('ZSCORE', KEYS[3], ARGV[1])
if visibleUntil and tonumber(ARGV[3]) < tonumber(visibleUntil) then
  redis.call('ZADD', KEYS[3], 'XX', ARGV[3], ARGV[1])
end
return 1
