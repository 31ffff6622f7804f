-- Loaded after fragment-queue-complete.lua (complete) and fragment-queue-claim.lua (claim).
-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: key, token, now (ms), dedupe retention (ms), visibility timeout (ms), request (names
-- this call: fragment-queue-claim.lua)
-- queue-complete then queue-claim in one call (the worker's hot path): one round trip per
-- drained message instead of two. Returns {completed (0/1)} followed by queue-claim's answer.
-- A lost claim (token replaced) completes nothing, but the claim still runs.
local completed = complete(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
local answer = claim(ARGV[3], ARGV[5], ARGV[6])
table.insert(answer, 1, completed)
return answer
