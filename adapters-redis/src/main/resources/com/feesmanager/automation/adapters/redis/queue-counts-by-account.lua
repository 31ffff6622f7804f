-- KEYS: ready, delayed, inflight, st, done, dead, accounts
-- ARGV: now (ms)
-- The counts of queue-counts.lua, per account: {uid, ready, delayed, inFlight, dead, uid, ...}.
-- A session serves one account: when the accounts set (kept by queue-enqueue.lua) names one, the
-- session's counts are its own, at the cost of queue-counts.lua. Otherwise (two accounts on one
-- session, or no set yet) each message's account is read from the first field of its stored
-- payload ('2|<length>:<uid>...'): one HGET per message of the session (pending and dead); the
-- set is then rebuilt from what was found, so an account whose messages are all gone leaves it.
local now = tonumber(ARGV[1])
if redis.call('SCARD', KEYS[7]) == 1 then
  local uid = redis.call('SRANDMEMBER', KEYS[7])
  local dueDelayed = redis.call('ZCOUNT', KEYS[2], '-inf', now)
  local timedOut = redis.call('ZCOUNT', KEYS[3], '-inf', now)
  return {
    uid,
    redis.call('ZCARD', KEYS[1]) + dueDelayed + timedOut,
    redis.call('ZCARD', KEYS[2]) - dueDelayed,
    redis.call('ZCARD', KEYS[3]) - timedOut,
    redis.call('ZCARD', KEYS[6])
  }
end
local counts = {}
local order = {}
local function uidOf(key)
  local payload = redis.call('HGET', KEYS[4], 'd:' .. key)
  if not payload then
    return nil
  end
  local colon = string.find(payload, ':', 3, true)
  local length = colon and tonumber(string.sub(payload, 3, colon - 1))
  if not length then
    return nil
  end
  return string.sub(payload, colon + 1, colon + length)
end
local function add(key, state)
  local uid = uidOf(key)
  if not uid then
    return -- unreadable: counted in the session's counts, it names no account
  end
  local c = counts[uid]
  if not c then
    c = {0, 0, 0, 0}
    counts[uid] = c
    order[#order + 1] = uid
  end
  c[state] = c[state] + 1
end
-- Ready members are (enqueuedAt 13, sequence 16, key).
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  add(string.sub(member, 30), 1)
end
-- A delayed message that fell due, or a claim that timed out, is ready (as in queue-counts.lua).
for _, entry in ipairs({{KEYS[2], 2}, {KEYS[3], 3}}) do
  local members = redis.call('ZRANGE', entry[1], 0, -1, 'WITHSCORES')
  for i = 1, #members, 2 do
    add(members[i], tonumber(members[i + 1]) <= now and 1 or entry[2])
  end
end
for _, key in ipairs(redis.call('ZRANGE', KEYS[6], 0, -1)) do
  add(key, 4)
end
redis.call('DEL', KEYS[7])
if #order > 0 then
  redis.call('SADD', KEYS[7], unpack(order))
end
local flat = {}
for _, uid in ipairs(order) do
  local c = counts[uid]
  flat[#flat + 1] = uid
  flat[#flat + 1] = c[1]
  flat[#flat + 1] = c[2]
  flat[#flat + 1] = c[3]
  flat[#flat + 1] = c[4]
end
return flat
