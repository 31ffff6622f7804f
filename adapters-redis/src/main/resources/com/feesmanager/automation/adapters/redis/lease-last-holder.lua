-- KEYS: lease (hash: owner, until)
-- Returns the owner of the lease, live or run out but still remembered (PEXPIRE keeps it a minute
-- past its end), or false: whether it ran out is the caller's clock's to say, not needed here.
return redis.call('HGET', KEYS[1], 'owner')
