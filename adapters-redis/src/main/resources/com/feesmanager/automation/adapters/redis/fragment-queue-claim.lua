-- Fragment, put in front of queue-claim and queue-complete-claim when they are loaded.
-- KEYS: ready, delayed, inflight, st, done, dead
-- claim(now, visibility timeout, request): claims the oldest ready message until now +
-- visibility (both in ms). Returns {key, payload, attempts, sendStarted, token, visibleUntil}, or
-- {}. request names the caller's call: the same call sent again (its reply lost with the
-- connection, the client trying again) gets the claim it made, not a second one that would leave
-- the first claimed until its visibility timeout. Only the session's last claim is remembered
-- (fields rq, rk): one worker claims a session's messages at a time, one call after another.
local function claim(now, visibility, request)
  local function answer(key, token, visibleUntil)
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
  if redis.call('HGET', KEYS[4], 'rq') == request then
    local key = redis.call('HGET', KEYS[4], 'rk')
    local token = key and redis.call('HGET', KEYS[4], 't:' .. key)
    local visibleUntil = key and redis.call('ZSCORE', KEYS[3], key)
    if token and visibleUntil then
      return answer(key, token, tonumber(visibleUntil))
    end
  end
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
  redis.call('HSET', KEYS[4], 't:' .. key, token, 'rq', request, 'rk', key)
  redis.call('ZADD', KEYS[3], visibleUntil, key)
  return answer(key, token, visibleUntil)
end
