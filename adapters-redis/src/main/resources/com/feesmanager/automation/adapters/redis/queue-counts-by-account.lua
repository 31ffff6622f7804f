-- KEYS: ready, delayed, inflight, st, done, dead
-- ARGV: now (ms)
-- The counts of queue-counts.lua, per account: {uid, ready, delayed, inFlight, dead, uid, ...}.
-- Each message's account is the first field of its stored payload ('2|<length>:<uid>...'), so the
-- cost is one HGET per message of the session (pending and dead): a session serves one account,
-- and the heartbeat asks once a minute.
local now = tonumber(ARGV[1])
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
