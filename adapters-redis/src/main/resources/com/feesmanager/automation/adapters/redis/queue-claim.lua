-- Loaded after fragment-queue-claim.lua (claim).
-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms), visibility timeout (ms), mark as sending ('1' or '0')
return claim(ARGV[1], ARGV[2], ARGV[3] == '1')
