-- Loaded after fragment-queue-complete.lua (complete).
-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, now (ms), dedupe retention (ms)
return complete(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
