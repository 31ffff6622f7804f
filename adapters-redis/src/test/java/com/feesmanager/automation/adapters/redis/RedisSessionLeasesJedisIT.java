package com.feesmanager.automation.adapters.redis;

/** {@link RedisSessionLeasesIT} on Jedis. */
class RedisSessionLeasesJedisIT extends RedisSessionLeasesIT implements OnJedis {}
