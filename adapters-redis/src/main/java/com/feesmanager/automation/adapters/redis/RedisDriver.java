package com.feesmanager.automation.adapters.redis;

/**
 * The Redis client library behind the adapters: Lettuce (Netty, one multiplexed connection; the
 * daemon, whose throughput figures were measured on it) or Jedis (blocking sockets and a pool; a
 * one-shot tick, which starts without Netty or Reactor).
 */
public enum RedisDriver {
  LETTUCE,
  JEDIS
}
