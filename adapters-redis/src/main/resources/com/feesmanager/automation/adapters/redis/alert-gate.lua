-- KEYS: the last pass of one event and account (string: instant ms)
-- ARGV: now, window, ttl (all ms)
-- One pass per window, counted from the last pass; a refused try records nothing. The key's TTL
-- (longer than the window) only collects garbage: the stored instant decides.
local last = redis.call('GET', KEYS[1])
if last and tonumber(ARGV[1]) < tonumber(last) + tonumber(ARGV[2]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
