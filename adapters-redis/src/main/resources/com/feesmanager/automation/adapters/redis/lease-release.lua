-- KEYS: lease (hash: owner, until)
-- ARGV: owner
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
