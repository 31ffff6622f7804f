package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.contract.Unique;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.TestInfo;

/**
 * The Redis the tests use: {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}); tests fail,
 * not skip, when it is missing. Each test works under its own key prefix. The adapter tests run on
 * both clients ({@link RedisDriver}): each test class has a Jedis variant, a subclass marked {@link
 * OnJedis}.
 */
final class TestRedis {

  static final Duration VISIBILITY = Duration.ofMinutes(2);
  static final Duration RETENTION = Duration.ofDays(14);

  /** Lettuce connections, one per URL, for tests that read Redis directly on a Jedis run. */
  private static final Map<String, RedisConnection> INSPECTORS = new ConcurrentHashMap<>();

  private TestRedis() {}

  static String url() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  /** The client the test class runs on: Jedis when it is marked {@link OnJedis}. */
  static RedisDriver driverOf(Class<?> testClass) {
    return OnJedis.class.isAssignableFrom(testClass) ? RedisDriver.JEDIS : RedisDriver.LETTUCE;
  }

  /** A connection under a fresh prefix, on the client of the running test class. */
  static RedisConnection open(TestInfo test) {
    return open(driverOf(test.getTestClass().orElseThrow()));
  }

  static RedisConnection open(RedisDriver driver) {
    return RedisConnection.open(RedisSettings.of(url()).withPrefix(prefix()).withDriver(driver));
  }

  /**
   * Lettuce's sync API on the Redis of {@code connection}, to read or write keys directly: its own
   * on Lettuce, else a Lettuce connection kept for the rest of the run.
   */
  static RedisClusterCommands<String, String> commands(RedisConnection connection) {
    if (connection.redis() instanceof LettuceRedisCalls lettuce) {
      return lettuce.commands();
    }
    RedisConnection inspector =
        INSPECTORS.computeIfAbsent(
            connection.settings().url(), url -> RedisConnection.open(RedisSettings.of(url)));
    return ((LettuceRedisCalls) inspector.redis()).commands();
  }

  /** A prefix no other test run uses. */
  static String prefix() {
    return "fmtest:" + Unique.name("run") + ":";
  }

  static RedisMessageQueue queue(RedisConnection connection, String prefix) {
    return new RedisMessageQueue(connection.redis(), new Keys(prefix), VISIBILITY, RETENTION);
  }

  static RedisMessageQueue queue(
      RedisConnection connection, String prefix, Duration visibility, Duration retention) {
    return new RedisMessageQueue(connection.redis(), new Keys(prefix), visibility, retention);
  }

  /** Deletes every key under {@code prefix} on a single node (cluster nodes are thrown away). */
  static void deleteAll(RedisConnection connection, String prefix) {
    var commands = commands(connection);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page =
          commands.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
      List<String> keys = page.getKeys();
      for (String key : keys) {
        commands.unlink(key);
      }
      cursor = page;
    } while (!cursor.isFinished());
  }
}
