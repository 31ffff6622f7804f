package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.QueueUnavailable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client takes from REDIS_URL (user, password, database) and how it fails, against a
 * private redis-server with an ACL user.
 */
class RedisUrlIT {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
  private static final String PASSWORD = "s3cret-pw";

  @TempDir Path dir;
  private RedisServerProcess server;

  @BeforeEach
  void startServer() throws Exception {
    server =
        RedisServerProcess.start(dir, "--user", "alice", "on", ">" + PASSWORD, "~*", "&*", "+@all");
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void theUserPasswordAndDatabaseOfTheUrl_areTheOnesUsed() {
    // when a hold is written through database 3 as alice
    try (RedisConnection redis = open(url("alice:" + PASSWORD, 3))) {
      redis.operatorHolds().hold("academy", T0);
    }

    // then it is in database 3 and not in 0 (read over Lettuce)
    try (RedisConnection three = RedisConnection.open(RedisSettings.of(url("", 3)));
        RedisConnection zero = RedisConnection.open(RedisSettings.of(url("", 0)))) {
      assertThat(three.operatorHolds().heldSince("academy")).contains(T0);
      assertThat(zero.operatorHolds().heldSince("academy")).isEmpty();
    }
  }

  @Test
  void aWrongPassword_isQueueUnavailable_andTheErrorHoldsNoPassword() {
    assertThatThrownBy(() -> open(url("alice:wrong-" + PASSWORD, 0)))
        .isInstanceOf(QueueUnavailable.class)
        .satisfies(failure -> assertThat(textOf(failure)).doesNotContain(PASSWORD));
  }

  @Test
  void noRedisAtTheUrl_isQueueUnavailable_namingTheUrlWithoutThePassword() throws Exception {
    // given nothing listening on the port any more
    String url = url("alice:" + PASSWORD, 0);
    server.close();

    // when / then
    assertThatThrownBy(() -> open(url))
        .isInstanceOf(QueueUnavailable.class)
        .hasMessage("cannot connect to Redis redis://***@127.0.0.1:" + server.port + "/0")
        .satisfies(failure -> assertThat(textOf(failure)).doesNotContain(PASSWORD));
  }

  @Test
  void aStoppedRedis_failsTheAlertGate_insteadOfHoldingItUp() throws Exception {
    // given an open connection, then Redis stopped (SIGSTOP: the socket accepts, nothing answers)
    try (RedisConnection redis = open(url("", 0))) {
      AlertGate gate = redis.alertGate();
      signal("STOP");
      try {
        // when / then the gate gives up with its own bound
        assertThatThrownBy(() -> gate.tryPass("EVENT", "a1", Duration.ofMinutes(30), T0))
            .isInstanceOf(QueueUnavailable.class);
      } finally {
        signal("CONT");
      }
    }
  }

  private RedisConnection open(String url) {
    return RedisConnection.open(RedisSettings.of(url).withDriver(TestRedis.driverOf(getClass())));
  }

  private String url(String userInfo, int database) {
    return "redis://"
        + (userInfo.isEmpty() ? "" : userInfo + "@")
        + "127.0.0.1:"
        + server.port
        + "/"
        + database;
  }

  private void signal(String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /** The messages of the failure and its causes. */
  private static String textOf(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
