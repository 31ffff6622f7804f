package com.feesmanager.automation.adapters.redis;

/** {@link ConcurrencyIT} on Jedis. */
class ConcurrencyJedisIT extends ConcurrencyIT implements OnJedis {}
