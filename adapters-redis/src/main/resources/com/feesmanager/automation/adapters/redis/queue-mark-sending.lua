-- KEYS: st (only the state hash: the hot path passes one key, not the queue's six)
-- ARGV: key, token
if redis.call('HGET', KEYS[1], 't:' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], 's:' .. ARGV[1], '1')
return 1
