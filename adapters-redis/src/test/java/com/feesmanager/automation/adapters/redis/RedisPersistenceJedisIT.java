package com.feesmanager.automation.adapters.redis;

/** {@link RedisPersistenceIT} on Jedis. */
class RedisPersistenceJedisIT extends RedisPersistenceIT implements OnJedis {}
