-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms), then the keys to requeue (none: every dead letter of the session)
local keys
if #ARGV > 1 then
  keys = {}
  for i = 2, #ARGV do
    keys[#keys + 1] = ARGV[i]
  end
else
  keys = redis.call('ZRANGE', KEYS[6], 0, -1)
end
local requeued = 0
for _, key in ipairs(keys) do
  if redis.call('ZREM', KEYS[6], key) == 1 then
    local old = redis.call('HGET', KEYS[4], 'm:' .. key)
    local seq = redis.call('HINCRBY', KEYS[4], 'seq', 1)
    -- Same enqueue time, fresh sequence, fresh attempts; ready from now.
    redis.call('HSET', KEYS[4], 'm:' .. key, string.sub(old, 1, 13) .. string.format('%016d', seq) .. key)
    redis.call('HDEL', KEYS[4], 'a:' .. key, 'r:' .. key, 's:' .. key, 't:' .. key)
    redis.call('ZADD', KEYS[2], ARGV[1], key)
    requeued = requeued + 1
  end
end
return requeued
