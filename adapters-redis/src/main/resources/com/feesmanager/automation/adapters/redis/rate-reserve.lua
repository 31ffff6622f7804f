-- KEYS: sends (zset: score = send instant ms), state (hash: notBefore, n, gapBy, gapBefore)
-- ARGV: now, maxPerHour, maxPerDay, local day start, next local day start, gap, keep, ttl (all ms)
-- The same decision as the domain's RateLimitPolicy.decide, then afterSend on SendNow.
local now = tonumber(ARGV[1])
local hour = 3600000
local waitUntil, reason = nil, nil
-- Strictly later wins, so on a tie the first considered (day, hour, gap) names the reason.
local function consider(at, why)
  if waitUntil == nil or at > waitUntil then
    waitUntil, reason = at, why
  end
end
if redis.call('ZCOUNT', KEYS[1], ARGV[4], '(' .. ARGV[5]) >= tonumber(ARGV[3]) then
  consider(tonumber(ARGV[5]), 'DAY_CAP')
end
local windowStart = '(' .. string.format('%d', now - hour)
local excess = redis.call('ZCOUNT', KEYS[1], windowStart, ARGV[1]) - tonumber(ARGV[2])
if excess >= 0 then
  -- Once this send leaves the window, the window holds maxPerHour - 1 sends: room for one.
  local leaving = redis.call('ZRANGEBYSCORE', KEYS[1], windowStart, ARGV[1], 'WITHSCORES', 'LIMIT', excess, 1)
  consider(tonumber(leaving[2]) + hour, 'HOUR_CAP')
end
local notBefore = redis.call('HGET', KEYS[2], 'notBefore')
if notBefore and tonumber(notBefore) > now then
  consider(tonumber(notBefore), 'MIN_GAP')
end
if waitUntil then
  return {0, string.format('%d', waitUntil), reason}
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%d', now - tonumber(ARGV[7])))
local n = redis.call('HINCRBY', KEYS[2], 'n', 1)
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. '-' .. n)
-- Which reservation set the gap mark over which earlier one, so rate-refund can put it back.
if notBefore then
  redis.call('HSET', KEYS[2], 'gapBefore', notBefore)
else
  redis.call('HDEL', KEYS[2], 'gapBefore')
end
redis.call('HSET', KEYS[2], 'notBefore', string.format('%d', now + tonumber(ARGV[6])), 'gapBy', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[8])
redis.call('PEXPIRE', KEYS[2], ARGV[8])
return {1}
