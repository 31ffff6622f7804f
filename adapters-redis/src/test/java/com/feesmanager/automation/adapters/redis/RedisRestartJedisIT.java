package com.feesmanager.automation.adapters.redis;

/** {@link RedisRestartIT} on Jedis. */
class RedisRestartJedisIT extends RedisRestartIT implements OnJedis {}
