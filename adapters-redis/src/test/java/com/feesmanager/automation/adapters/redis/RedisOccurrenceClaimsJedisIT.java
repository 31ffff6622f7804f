package com.feesmanager.automation.adapters.redis;

/** {@link RedisOccurrenceClaimsIT} on Jedis. */
class RedisOccurrenceClaimsJedisIT extends RedisOccurrenceClaimsIT implements OnJedis {}
