/**
 * The Redis adapters (Lettuce or Jedis, Lua): delivery queue, occurrence claims, rate-limit ledger
 * and session leases. Every multi-key step is one Lua script whose keys share one {@code {hash
 * tag}}, so the same code runs on a single Redis and on Redis Cluster. Time always comes from the
 * caller ({@code Instant now}), never from Redis. {@link RedisConnection} owns the one client and
 * hands out the adapters; everything else here is package-private.
 */
package com.feesmanager.automation.adapters.redis;
