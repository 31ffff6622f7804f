-- KEYS: tally (hash: sent, failed, skipped) of one account and local day
-- ARGV: field, ttl seconds
-- One step so the counter and its expiry are set together: a crash never leaves a tally forever.
local count = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return count
