-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token
if redis.call('HGET', KEYS[4], 't:' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[4], 's:' .. ARGV[1], '1')
return 1
