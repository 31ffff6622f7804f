package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.contract.OperatorHoldsContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisOperatorHoldsIT extends OperatorHoldsContract {

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
  protected OperatorHolds newHolds() {
    return connection.operatorHolds();
  }

  @Test
  void a_hold_set_by_one_process_is_seen_by_another_on_the_same_redis() {
    // given a second process: its own client and connection, the same Redis and prefix
    String uid = Unique.name("uid");
    try (RedisConnection other =
        RedisConnection.open(
            RedisSettings.of(TestRedis.url())
                .withPrefix(connection.settings().keyPrefix())
                .withDriver(connection.settings().driver()))) {

      // when
      connection.operatorHolds().hold(uid, T0);

      // then
      assertThat(other.operatorHolds().heldSince(uid)).contains(T0);
      other.operatorHolds().release(uid);
      assertThat(connection.operatorHolds().heldSince(uid)).isEmpty();
    }
  }
}
