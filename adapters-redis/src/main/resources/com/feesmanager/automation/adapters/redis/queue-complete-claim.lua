-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, now (ms), dedupe retention (ms), visibility timeout (ms)
-- queue-complete then queue-claim in one call (the worker's hot path): one round trip per
-- drained message instead of two. Returns {completed (0/1)} followed by queue-claim's answer.
local key = ARGV[1]
local now = ARGV[3]
local completed = 0
-- As queue-complete: a lost claim (token replaced) completes nothing, but the claim below runs.
if redis.call('HGET', KEYS[4], 't:' .. key) == ARGV[2] then
  completed = 1
  local retention = tonumber(ARGV[4])
  -- A message is in exactly one of inflight, ready (its claim timed out) or delayed.
  if redis.call('ZREM', KEYS[3], key) == 0 then
    redis.call('ZREM', KEYS[1], redis.call('HGET', KEYS[4], 'm:' .. key))
    redis.call('ZREM', KEYS[2], key)
  end
  redis.call('HDEL', KEYS[4], 'd:' .. key, 'm:' .. key, 't:' .. key, 'a:' .. key, 's:' .. key)
  -- Remember the key until now + retention (enqueue compares with its own now, so that is exact).
  if redis.call('ZADD', KEYS[5], tonumber(now) + retention, key) == 1
      and redis.call('ZCARD', KEYS[5]) == 1 or tonumber(ARGV[2]) % 64 == 0 then
    -- Housekeeping on a new set and on about one completion in 64 (as queue-complete).
    redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
    redis.call('PEXPIRE', KEYS[5], math.max(retention, 1000))
  end
end
-- As queue-claim: due delayed messages and timed-out claims go back to their FIFO place.
local function promote(zkey)
  local due = redis.call('ZRANGEBYSCORE', zkey, '-inf', now, 'LIMIT', 0, 1000)
  if #due == 0 then
    return
  end
  for i = 1, #due do
    redis.call('ZADD', KEYS[1], 0, redis.call('HGET', KEYS[4], 'm:' .. due[i]))
  end
  redis.call('ZREM', zkey, unpack(due))
end
promote(KEYS[2])
promote(KEYS[3])
-- Every score is 0, so the lowest member is the oldest: (enqueuedAt, sequence) order.
local first = redis.call('ZPOPMIN', KEYS[1])[1]
if not first then
  return {completed}
end
local nextKey = string.sub(first, 30)
local token = tostring(redis.call('HINCRBY', KEYS[4], 'seq', 1))
local visibleUntil = tonumber(now) + tonumber(ARGV[5])
-- The previous holder's token is replaced only now: until here it could still finish the message.
redis.call('HSET', KEYS[4], 't:' .. nextKey, token)
redis.call('ZADD', KEYS[3], visibleUntil, nextKey)
local state = redis.call('HMGET', KEYS[4], 'd:' .. nextKey, 'a:' .. nextKey, 's:' .. nextKey)
return {
  completed,
  nextKey,
  state[1],
  state[2] or '0',
  state[3] or '0',
  token,
  string.format('%d', visibleUntil)
}
