package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.contract.MessageQueueContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisMessageQueueIT extends MessageQueueContract {

  private static RedisConnection connection;
  private static final List<String> prefixes = new ArrayList<>();

  @BeforeAll
  static void connect(TestInfo test) {
    connection = TestRedis.open(test);
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

  /** The Jedis variant of this class really runs on Jedis, this one on Lettuce. */
  @Test
  void runsOnTheClientItsClassNames() {
    Class<?> expected =
        TestRedis.driverOf(getClass()) == RedisDriver.JEDIS
            ? JedisRedisCalls.class
            : LettuceRedisCalls.class;
    assertThat(connection.redis()).isExactlyInstanceOf(expected);
  }

  /**
   * The dedupe set's Redis expiry (real time) must outlast every key in it: a quiet session's set
   * that expired with keys completed minutes ago would let those messages be enqueued again.
   */
  @Test
  void everyCompletion_renewsTheExpiryOfTheDedupeSet() {
    // given a session whose dedupe set has aged to its last five seconds
    String prefix = TestRedis.prefix();
    prefixes.add(prefix);
    RedisMessageQueue queue = TestRedis.queue(connection, prefix);
    String session = Unique.name("quiet");
    Instant t0 = Instant.parse("2026-11-10T05:00:00Z");
    String done = new Keys(prefix).queue(session)[4];
    for (String key : List.of("k1", "k2", "k3")) {
      queue.enqueue(aQueuedMessage().inSession(session).withKey(key).build(), t0);
    }
    queue.complete(queue.claimNext(session, t0).orElseThrow(), t0);
    var redis = TestRedis.commands(connection);
    redis.pexpire(done, 5_000);

    // when two more messages complete (plain completion, and completion with the next claim)
    Claim second = queue.claimNext(session, t0.plusSeconds(1)).orElseThrow();
    Claim third = queue.completeAndClaimNext(second, t0.plusSeconds(2)).orElseThrow();
    long afterCompleteAndClaim = redis.pttl(done);
    redis.pexpire(done, 5_000);
    queue.complete(third, t0.plusSeconds(3));
    long afterComplete = redis.pttl(done);

    // then each renewed it to the whole retention
    assertThat(afterCompleteAndClaim).isGreaterThan(TestRedis.RETENTION.toMillis() - 60_000);
    assertThat(afterComplete).isGreaterThan(TestRedis.RETENTION.toMillis() - 60_000);
  }
}
