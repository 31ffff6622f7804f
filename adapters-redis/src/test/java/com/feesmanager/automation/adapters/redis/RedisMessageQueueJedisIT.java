package com.feesmanager.automation.adapters.redis;

/** {@link RedisMessageQueueIT} on Jedis. */
class RedisMessageQueueJedisIT extends RedisMessageQueueIT implements OnJedis {}
