package com.feesmanager.automation.adapters.redis;

/** {@link RedisDailyTallyIT} on Jedis. */
class RedisDailyTallyJedisIT extends RedisDailyTallyIT implements OnJedis {}
