-- KEYS: occurrence (hash: state = lease|done, until)
-- ARGV: now (ms), real-time expiry of the done mark (ms)
redis.call('HSET', KEYS[1], 'state', 'done', 'until', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
