package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.contract.Unique;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Duration;
import java.util.List;

/**
 * The Redis the tests use: {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}); tests fail,
 * not skip, when it is missing. Each test works under its own key prefix.
 */
final class TestRedis {

  static final Duration VISIBILITY = Duration.ofMinutes(2);
  static final Duration RETENTION = Duration.ofDays(14);

  private TestRedis() {}

  static String url() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  static RedisConnection open() {
    return RedisConnection.open(RedisSettings.of(url()).withPrefix(prefix()));
  }

  /** A prefix no other test run uses. */
  static String prefix() {
    return "fmtest:" + Unique.name("run") + ":";
  }

  static RedisMessageQueue queue(RedisConnection connection, String prefix) {
    return new RedisMessageQueue(connection.scripts(), new Keys(prefix), VISIBILITY, RETENTION);
  }

  static RedisMessageQueue queue(
      RedisConnection connection, String prefix, Duration visibility, Duration retention) {
    return new RedisMessageQueue(connection.scripts(), new Keys(prefix), visibility, retention);
  }

  /** Deletes every key under {@code prefix} on a single node (cluster nodes are thrown away). */
  static void deleteAll(RedisConnection connection, String prefix) {
    var commands = connection.scripts().commands();
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
