-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms), askAt (ms)
-- The session's claims, whose holder has ended, become due sooner: without a send started at
-- now (the claim's token changes when it is claimed again, so a holder still alive can no longer
-- mark or complete it), with a send started at askAt (that send is surely over by then). None is
-- moved later than its own visibility timeout. The next claim promotes them to their FIFO place.
local now = tonumber(ARGV[1])
local askAt = tonumber(ARGV[2])
local claims = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
local returned = 0
for i = 1, #claims, 2 do
  local key = claims[i]
  local due = askAt
  if redis.call('HEXISTS', KEYS[4], 's:' .. key) == 0 then
    due = now
  end
  if due < tonumber(claims[i + 1]) then
    redis.call('ZADD', KEYS[3], 'XX', string.format('%d', due), key)
    returned = returned + 1
  end
end
return returned
