package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.contract.RateLimitLedgerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

class RedisRateLimitLedgerIT extends RateLimitLedgerContract {

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
  protected RateLimitLedger newLedger() {
    return connection.rateLimitLedger();
  }
}
