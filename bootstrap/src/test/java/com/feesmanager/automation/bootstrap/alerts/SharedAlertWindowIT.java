package com.feesmanager.automation.bootstrap.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisServerProcess;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.application.DeduplicatingAlerts;
import com.feesmanager.automation.ports.out.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8 "alerts across processes": two processes (each its own Redis client and de-duplication,
 * as a daemon and a cron {@code tick} have) raise the same alert once per 15 minutes; with Redis
 * gone, an alert still goes out.
 */
class SharedAlertWindowIT {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");

  private static Alert alert(String event, Instant at) {
    return new Alert(Alert.Level.WARNING, event, "academy-1", "rule r1 is invalid", at);
  }

  private static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  @Test
  void twoProcessesOnOneRedis_raiseTheSameAlertOncePerWindow() {
    // given a daemon and a cron tick on one Redis
    RedisSettings settings =
        RedisSettings.of(redisUrl()).withPrefix("fmtest:alerts:" + UUID.randomUUID() + ":");
    List<Alert> sent = new ArrayList<>();
    try (RedisConnection daemonRedis = RedisConnection.open(settings);
        RedisConnection tickRedis = RedisConnection.open(settings)) {
      DeduplicatingAlerts daemon =
          new DeduplicatingAlerts(sent::add, daemonRedis.alertGate(), DeduplicatingAlerts.WINDOW);
      DeduplicatingAlerts tick =
          new DeduplicatingAlerts(sent::add, tickRedis.alertGate(), DeduplicatingAlerts.WINDOW);

      // when both find the rule invalid, minute after minute
      daemon.raise(alert("RULE_INVALID", T0));
      for (int minute = 1; minute < 15; minute++) {
        tick.raise(alert("RULE_INVALID", T0.plus(Duration.ofMinutes(minute))));
        daemon.raise(alert("RULE_INVALID", T0.plus(Duration.ofMinutes(minute))));
      }
      tick.raise(alert("RULE_INVALID", T0.plus(Duration.ofMinutes(15))));
      daemon.raise(alert("RULE_INVALID", T0.plus(Duration.ofMinutes(15))));

      // then one alert per 15 minutes in all
      assertThat(sent).extracting(Alert::at).containsExactly(T0, T0.plus(Duration.ofMinutes(15)));
    }
  }

  @Test
  void withRedisGone_theAlertStillGoesOut_soon_andOncePerWindowInThisProcess(@TempDir Path dir)
      throws Exception {
    // given a process whose Redis has died
    List<Alert> sent = new ArrayList<>();
    try (RedisServerProcess server = RedisServerProcess.start(Files.createDirectories(dir));
        RedisConnection redis = RedisConnection.open(RedisSettings.of(server.url()))) {
      DeduplicatingAlerts alerts =
          new DeduplicatingAlerts(sent::add, redis.alertGate(), DeduplicatingAlerts.WINDOW);
      server.kill();

      // when
      long started = System.nanoTime();
      alerts.raise(alert("REDIS_UNREACHABLE", T0));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      alerts.raise(alert("REDIS_UNREACHABLE", T0.plus(Duration.ofMinutes(1))));

      // then
      assertThat(sent).extracting(Alert::at).containsExactly(T0);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
  }
}
