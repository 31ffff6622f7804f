-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms)
local now = ARGV[1]
local dueDelayed = redis.call('ZCOUNT', KEYS[2], '-inf', now)
local timedOut = redis.call('ZCOUNT', KEYS[3], '-inf', now)
return {
  redis.call('ZCARD', KEYS[1]) + dueDelayed + timedOut,
  redis.call('ZCARD', KEYS[2]) - dueDelayed,
  redis.call('ZCARD', KEYS[3]) - timedOut,
  redis.call('ZCARD', KEYS[6])
}
