-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: limit
-- Returns flat groups of five: key, payload, attempts, reason, diedAt (ms).
local dead = redis.call('ZRANGE', KEYS[6], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local out = {}
for i = 1, #dead, 2 do
  local key = dead[i]
  out[#out + 1] = key
  out[#out + 1] = redis.call('HGET', KEYS[4], 'd:' .. key)
  out[#out + 1] = redis.call('HGET', KEYS[4], 'a:' .. key) or '0'
  out[#out + 1] = redis.call('HGET', KEYS[4], 'r:' .. key) or ''
  out[#out + 1] = dead[i + 1]
end
return out
