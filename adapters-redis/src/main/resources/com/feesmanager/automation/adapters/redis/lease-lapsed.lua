-- KEYS: lease (hash: owner, until)
-- ARGV: now (ms)
-- Returns the owner of a lease that has run out but is still remembered (PEXPIRE keeps it a
-- minute past its end), or false.
local current = redis.call('HMGET', KEYS[1], 'owner', 'until')
if current[1] and tonumber(current[2]) <= tonumber(ARGV[1]) then
  return current[1]
end
return false
