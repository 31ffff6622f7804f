package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.contract.DailyTallyContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

class RedisDailyTallyIT extends DailyTallyContract {

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
  protected DailyTally newTally() {
    return connection.dailyTally();
  }
}
