package com.feesmanager.automation.adapters.redis;

/** {@link RedisOperatorHoldsIT} on Jedis. */
class RedisOperatorHoldsJedisIT extends RedisOperatorHoldsIT implements OnJedis {}
