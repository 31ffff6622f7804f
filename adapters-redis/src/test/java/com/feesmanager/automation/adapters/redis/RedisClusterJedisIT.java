package com.feesmanager.automation.adapters.redis;

/** {@link RedisClusterIT} on Jedis (its {@code @Nested} contract tests are inherited). */
class RedisClusterJedisIT extends RedisClusterIT implements OnJedis {}
