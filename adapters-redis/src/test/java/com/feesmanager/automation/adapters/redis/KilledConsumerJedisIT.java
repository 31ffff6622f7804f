package com.feesmanager.automation.adapters.redis;

/** {@link KilledConsumerIT} on Jedis. */
class KilledConsumerJedisIT extends KilledConsumerIT implements OnJedis {}
