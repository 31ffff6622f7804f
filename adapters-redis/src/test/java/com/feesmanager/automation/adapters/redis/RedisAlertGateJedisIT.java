package com.feesmanager.automation.adapters.redis;

/** {@link RedisAlertGateIT} on Jedis. */
class RedisAlertGateJedisIT extends RedisAlertGateIT implements OnJedis {}
