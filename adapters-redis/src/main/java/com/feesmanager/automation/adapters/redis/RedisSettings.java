package com.feesmanager.automation.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis and shape the keys: {@code url} is {@code REDIS_URL} ({@code redis://} or
 * {@code rediss://}, optional {@code user:password@}, optional {@code /db}); {@code cluster} says
 * the URL is a seed node of a Redis Cluster; every key starts with {@code keyPrefix}; {@code
 * driver} is the client library (Lettuce unless a runner asks for Jedis).
 */
public record RedisSettings(
    String url,
    boolean cluster,
    String keyPrefix,
    Duration visibilityTimeout,
    Duration dedupeRetention,
    RedisDriver driver) {

  public static final String DEFAULT_PREFIX = "fm:";
  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofMinutes(2);
  public static final Duration DEFAULT_DEDUPE_RETENTION = Duration.ofDays(14);

  public RedisSettings {
    Objects.requireNonNull(url, "'url' must not be null");
    Objects.requireNonNull(keyPrefix, "'keyPrefix' must not be null");
    Objects.requireNonNull(visibilityTimeout, "'visibilityTimeout' must not be null");
    Objects.requireNonNull(dedupeRetention, "'dedupeRetention' must not be null");
    Objects.requireNonNull(driver, "'driver' must not be null");
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException("'url' must start with redis:// or rediss://");
    }
    // A brace in the prefix would become the hash tag of every key and defeat the per-session tags.
    if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
      throw new IllegalArgumentException("'keyPrefix' must not contain braces: " + keyPrefix);
    }
    if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
      throw new IllegalArgumentException("'visibilityTimeout' must be positive");
    }
    if (dedupeRetention.isNegative()) {
      throw new IllegalArgumentException("'dedupeRetention' must not be negative");
    }
  }

  /**
   * A single Redis at {@code url} with the default prefix, visibility timeout and retention, over
   * Lettuce.
   */
  public static RedisSettings of(String url) {
    return new RedisSettings(
        url,
        false,
        DEFAULT_PREFIX,
        DEFAULT_VISIBILITY_TIMEOUT,
        DEFAULT_DEDUPE_RETENTION,
        RedisDriver.LETTUCE);
  }

  public RedisSettings withPrefix(String prefix) {
    return new RedisSettings(url, cluster, prefix, visibilityTimeout, dedupeRetention, driver);
  }

  public RedisSettings asCluster() {
    return new RedisSettings(url, true, keyPrefix, visibilityTimeout, dedupeRetention, driver);
  }

  public RedisSettings withTimeouts(Duration visibility, Duration retention) {
    return new RedisSettings(url, cluster, keyPrefix, visibility, retention, driver);
  }

  public RedisSettings withDriver(RedisDriver driver) {
    return new RedisSettings(url, cluster, keyPrefix, visibilityTimeout, dedupeRetention, driver);
  }

  /** The URL without its password, for logs and error messages. */
  public String safeUrl() {
    int at = url.lastIndexOf('@');
    return at < 0 ? url : url.substring(0, url.indexOf("//") + 2) + "***@" + url.substring(at + 1);
  }
}
