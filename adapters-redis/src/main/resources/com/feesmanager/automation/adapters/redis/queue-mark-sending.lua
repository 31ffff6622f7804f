-- KEYS: ready, delayed, inflight, msg, st, done, dead
-- ARGV: key, token
if redis.call('HGET', KEYS[5], 't:' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[5], 's:' .. ARGV[1], '1')
return 1
