package com.feesmanager.automation.adapters.redis;

/** {@link RedisUrlIT} on Jedis. */
class RedisUrlJedisIT extends RedisUrlIT implements OnJedis {}
