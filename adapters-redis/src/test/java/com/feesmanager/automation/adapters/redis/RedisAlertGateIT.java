package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.contract.AlertGateContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisAlertGateIT extends AlertGateContract {

  private static RedisConnection connection;

  @BeforeAll
  static void connect(TestInfo test) {
    connection = TestRedis.open(test);
  }

  @AfterAll
  static void cleanUpAndClose() {
    TestRedis.deleteAll(connection, connection.settings().keyPrefix());
    connection.close();
  }

  @Override
  protected AlertGate newGate() {
    return connection.alertGate();
  }

  @Test
  void twoProcesses_onOneRedis_shareTheWindow() {
    // given a second process: its own client and connection, the same Redis and prefix
    String event = Unique.name("EVENT");
    try (RedisConnection other =
        RedisConnection.open(
            RedisSettings.of(TestRedis.url())
                .withPrefix(prefix())
                .withDriver(connection.settings().driver()))) {

      // when
      boolean here = connection.alertGate().tryPass(event, "a1", WINDOW, T0);
      boolean there = other.alertGate().tryPass(event, "a1", WINDOW, T0.plusSeconds(60));

      // then
      assertThat(here).isTrue();
      assertThat(there).isFalse();
    }
  }

  private static String prefix() {
    return connection.settings().keyPrefix();
  }
}
