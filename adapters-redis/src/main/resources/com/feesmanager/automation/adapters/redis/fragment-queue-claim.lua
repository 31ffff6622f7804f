-- Fragment, put in front of queue-claim and queue-complete-claim when they are loaded.
-- KEYS: ready, delayed, inflight, st, done, dead
-- claim(now, visibility timeout), both in ms: claims the oldest ready message until now +
-- visibility. Returns {key, payload, attempts, sendStarted, token, visibleUntil}, or {}.
local function claim(now, visibility)
  -- Delayed messages that fell due, and claims that timed out, go back to their FIFO place.
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
    return {}
  end
  local key = string.sub(first, 30)
  local token = tostring(redis.call('HINCRBY', KEYS[4], 'seq', 1))
  local visibleUntil = tonumber(now) + tonumber(visibility)
  -- The previous holder's token is replaced only now: until here it could still finish the message.
  redis.call('HSET', KEYS[4], 't:' .. key, token)
  redis.call('ZADD', KEYS[3], visibleUntil, key)
  local state = redis.call('HMGET', KEYS[4], 'd:' .. key, 'a:' .. key, 's:' .. key)
  return {
    key,
    state[1],
    state[2] or '0',
    state[3] or '0',
    token,
    string.format('%d', visibleUntil)
  }
end
