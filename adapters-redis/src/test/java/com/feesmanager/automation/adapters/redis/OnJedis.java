package com.feesmanager.automation.adapters.redis;

/**
 * Marks a test class that runs the tests it inherits on Jedis instead of Lettuce (see {@link
 * TestRedis#driverOf}).
 */
interface OnJedis {}
