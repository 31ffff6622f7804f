-- KEYS: ready, delayed, inflight, msg, st, done, dead
-- ARGV: now (ms), visibility timeout (ms)
local now = ARGV[1]
-- Delayed messages that fell due, and claims that timed out, go back to their FIFO place.
local function promote(zkey)
  local due = redis.call('ZRANGEBYSCORE', zkey, '-inf', now, 'LIMIT', 0, 1000)
  if #due == 0 then
    return
  end
  for i = 1, #due do
    redis.call('ZADD', KEYS[1], 0, redis.call('HGET', KEYS[5], 'm:' .. due[i]))
  end
  redis.call('ZREM', zkey, unpack(due))
end
promote(KEYS[2])
promote(KEYS[3])
local first = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not first then
  return {}
end
redis.call('ZREM', KEYS[1], first)
local key = string.sub(first, 30)
local token = tostring(redis.call('HINCRBY', KEYS[5], 'seq', 1))
local visibleUntil = tonumber(now) + tonumber(ARGV[2])
-- The previous holder's token is replaced only now: until here it could still finish the message.
redis.call('HSET', KEYS[5], 't:' .. key, token)
redis.call('ZADD', KEYS[3], visibleUntil, key)
return {
  key,
  redis.call('HGET', KEYS[4], key),
  redis.call('HGET', KEYS[5], 'a:' .. key) or '0',
  redis.call('HGET', KEYS[5], 's:' .. key) or '0',
  token,
  string.format('%d', visibleUntil)
}
