-- KEYS: ready, delayed, inflight, msg, st, done, dead
-- ARGV: limit
-- Returns flat groups of five: key, payload, attempts, reason, diedAt (ms).
local dead = redis.call('ZRANGE', KEYS[7], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local out = {}
for i = 1, #dead, 2 do
  local key = dead[i]
  out[#out + 1] = key
  out[#out + 1] = redis.call('HGET', KEYS[4], key)
  out[#out + 1] = redis.call('HGET', KEYS[5], 'a:' .. key) or '0'
  out[#out + 1] = redis.call('HGET', KEYS[5], 'r:' .. key) or ''
  out[#out + 1] = dead[i + 1]
end
return out
