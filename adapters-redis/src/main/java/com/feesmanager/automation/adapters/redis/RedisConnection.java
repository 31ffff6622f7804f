package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one Redis client of a process, owned by the runner (open once, close on exit), and the
 * factory of every Redis adapter; the adapters share its thread-safe {@link RedisCalls}. Which
 * client library ({@link RedisDriver}) is the settings' choice; nothing here names one, so a
 * process on Jedis never loads Lettuce, Netty or Reactor.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  /** An alert waits this long at most for the shared gate before it goes out anyway. */
  static final Duration ALERT_GATE_TIMEOUT = Duration.ofSeconds(2);

  private final RedisSettings settings;
  private final RedisCalls redis;
  private final Keys keys;

  private RedisConnection(RedisSettings settings, RedisCalls redis) {
    this.settings = settings;
    this.redis = redis;
    this.keys = new Keys(settings.keyPrefix());
  }

  /**
   * Connects (single node or cluster, over the client library the settings name) and loads the
   * scripts.
   */
  public static RedisConnection open(RedisSettings settings) {
    Objects.requireNonNull(settings, "'settings' must not be null");
    RedisCalls redis =
        switch (settings.driver()) {
          case LETTUCE -> LettuceRedisCalls.connect(settings, COMMAND_TIMEOUT);
          case JEDIS -> JedisRedisCalls.connect(settings, COMMAND_TIMEOUT);
        };
    RedisConnection opened = new RedisConnection(settings, redis);
    try {
      redis.loadAll();
    } catch (QueueUnavailable e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  public RedisSettings settings() {
    return settings;
  }

  public RedisMessageQueue messageQueue() {
    return new RedisMessageQueue(
        redis, keys, settings.visibilityTimeout(), settings.dedupeRetention());
  }

  public RedisOccurrenceClaims occurrenceClaims() {
    return new RedisOccurrenceClaims(redis, keys);
  }

  public RedisRateLimitLedger rateLimitLedger() {
    return new RedisRateLimitLedger(redis, keys);
  }

  public RedisSessionLeases sessionLeases() {
    return new RedisSessionLeases(redis, keys);
  }

  /**
   * The alert gate shared by every process on this Redis; it waits at most {@link
   * #ALERT_GATE_TIMEOUT}, so an alert raised while Redis hangs goes out soon (the caller falls back
   * to its own window).
   */
  public RedisAlertGate alertGate() {
    return new RedisAlertGate(redis.withTimeout(ALERT_GATE_TIMEOUT), keys);
  }

  public RedisDailyTally dailyTally() {
    return new RedisDailyTally(redis, keys);
  }

  public RedisOperatorHolds operatorHolds() {
    return new RedisOperatorHolds(redis, keys);
  }

  RedisCalls redis() {
    return redis;
  }

  /**
   * Reads Redis's persistence settings ({@code CONFIG GET}); never throws: what cannot be read
   * (CONFIG disabled or renamed on managed Redis, or Redis not answering) is empty. On a Cluster
   * this asks one node.
   */
  public RedisPersistence persistence() {
    try {
      Map<String, String> config = redis.configGet("appendonly", "save", "maxmemory-policy");
      return new RedisPersistence(
          Optional.ofNullable(config.get("appendonly")),
          Optional.ofNullable(config.get("save")),
          Optional.ofNullable(config.get("maxmemory-policy")));
    } catch (QueueUnavailable e) {
      return RedisPersistence.UNKNOWN;
    }
  }

  /** True when Redis answers a PING now (for readiness checks); never throws. */
  public boolean isReachable() {
    try {
      return "PONG".equals(redis.ping());
    } catch (QueueUnavailable e) {
      return false;
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
