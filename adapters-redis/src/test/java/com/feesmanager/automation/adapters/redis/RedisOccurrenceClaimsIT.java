package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.contract.OccurrenceClaimsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisOccurrenceClaimsIT extends OccurrenceClaimsContract {

  private static RedisConnection connection;

  @BeforeAll
  static void connect() {
    connection = TestRedis.open();
  }

  @AfterAll
  static void cleanUpAndClose() {
    TestRedis.deleteAll(connection, connection.settings().keyPrefix());
    connection.close();
  }

  @Override
  protected OccurrenceClaims newClaims() {
    return connection.occurrenceClaims();
  }
}
