-- KEYS: lease (hash: owner, until)
-- ARGV: owner, now (ms), ttl (ms), real-time expiry (ms)
local current = redis.call('HMGET', KEYS[1], 'owner', 'until')
if current[1] and current[1] ~= ARGV[1] and tonumber(current[2]) > tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'until', string.format('%d', tonumber(ARGV[2]) + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
