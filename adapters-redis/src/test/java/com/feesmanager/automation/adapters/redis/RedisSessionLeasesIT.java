package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.contract.SessionLeasesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisSessionLeasesIT extends SessionLeasesContract {

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
  protected SessionLeases newLeases() {
    return connection.sessionLeases();
  }
}
