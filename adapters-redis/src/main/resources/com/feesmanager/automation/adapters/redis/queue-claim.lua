-- Loaded after fragment-queue-claim.lua (claim).
-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms), visibility timeout (ms), request (names this call: fragment-queue-claim.lua)
return claim(ARGV[1], ARGV[2], ARGV[3])
