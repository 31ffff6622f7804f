-- KEYS: sends (zset: score = send instant ms), state (hash: notBefore, n, gapBy, gapBefore)
-- ARGV: reservedAt (ms)
-- Gives back the send rate-reserve recorded at reservedAt: one entry of that instant leaves the
-- sends, and the gap mark returns to what it was if that reservation set it and none moved it
-- since. Nothing there, nothing changes. Returns 1 when a send was given back, else 0.
local sends = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #sends == 0 then
  return 0
end
redis.call('ZREM', KEYS[1], sends[1])
if redis.call('HGET', KEYS[2], 'gapBy') == ARGV[1] then
  local before = redis.call('HGET', KEYS[2], 'gapBefore')
  if before then
    redis.call('HSET', KEYS[2], 'notBefore', before)
  else
    redis.call('HDEL', KEYS[2], 'notBefore')
  end
  redis.call('HDEL', KEYS[2], 'gapBy', 'gapBefore')
end
return 1
