-- KEYS: lease (hash: owner, until)
-- ARGV: former owner, new owner, now (ms), ttl (ms), real-time expiry (ms)
-- Only while the former owner still holds it: a renewal or another taker since it was read wins.
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'owner', ARGV[2], 'until', string.format('%d', tonumber(ARGV[3]) + tonumber(ARGV[4])))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
