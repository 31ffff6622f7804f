package com.feesmanager.automation.adapters.redis;

/** {@link AofRestartIT} on Jedis. */
class AofRestartJedisIT extends AofRestartIT implements OnJedis {}
