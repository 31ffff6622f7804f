package com.feesmanager.automation.adapters.redis;

/** {@link UnreadableMessageIT} on Jedis. */
class UnreadableMessageJedisIT extends UnreadableMessageIT implements OnJedis {}
