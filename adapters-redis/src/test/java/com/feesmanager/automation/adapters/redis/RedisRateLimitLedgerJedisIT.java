package com.feesmanager.automation.adapters.redis;

/** {@link RedisRateLimitLedgerIT} on Jedis. */
class RedisRateLimitLedgerJedisIT extends RedisRateLimitLedgerIT implements OnJedis {}
