package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.contract.MessageQueueContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisMessageQueueIT extends MessageQueueContract {

  private static RedisConnection connection;
  private static final List<String> prefixes = new ArrayList<>();

  @BeforeAll
  static void connect() {
    connection = TestRedis.open();
  }

  @AfterAll
  static void cleanUpAndClose() {
    prefixes.forEach(prefix -> TestRedis.deleteAll(connection, prefix));
    connection.close();
  }

  @Override
  protected QueueUnderTest newQueue(Duration visibilityTimeout, Duration dedupeRetention) {
    String prefix = TestRedis.prefix();
    prefixes.add(prefix);
    return QueueUnderTest.of(
        TestRedis.queue(connection, prefix, visibilityTimeout, dedupeRetention));
  }
}
