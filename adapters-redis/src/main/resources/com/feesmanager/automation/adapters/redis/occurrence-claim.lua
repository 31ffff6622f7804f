-- KEYS: occurrence (hash: state = lease|done, until)
-- ARGV: now (ms), lease (ms), real-time expiry of the lease (ms)
local current = redis.call('HMGET', KEYS[1], 'state', 'until')
if current[1] == 'done' then
  return 'DONE'
end
if current[1] == 'lease' and tonumber(current[2]) > tonumber(ARGV[1]) then
  return 'IN_PROGRESS'
end
redis.call('HSET', KEYS[1], 'state', 'lease', 'until', string.format('%d', tonumber(ARGV[1]) + tonumber(ARGV[2])))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 'CLAIMED'
