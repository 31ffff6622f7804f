package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.contract.MessageQueueContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisMessageQueueIT extends MessageQueueContract {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private static RedisConnection connection;
  private static final List<String> prefixes = new ArrayList<>();

  /** A queue under a new {@code prefix} with k1, k2 and k3 of {@code session} enqueued at T0. */
  private static RedisMessageQueue queueOfThree(String prefix, String session) {
    prefixes.add(prefix);
    RedisMessageQueue queue = TestRedis.queue(connection, prefix);
    for (String key : List.of("k1", "k2", "k3")) {
      queue.enqueue(aQueuedMessage().inSession(session).withKey(key).build(), T0);
    }
    return queue;
  }

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
   * A claim call sent again (its reply lost with the connection, the client trying again) answers
   * with the claim the first one made: a second claim would leave the first message claimed, by
   * nobody, until its visibility timeout.
   */
  @Test
  void aClaimCallSentAgain_getsTheClaimItMade_andTheNextCallClaimsTheNextMessage() {
    // given three messages
    String prefix = TestRedis.prefix();
    String session = Unique.name("replayed");
    RedisMessageQueue queue = queueOfThree(prefix, session);
    String[] keys = new Keys(prefix).queue(session);
    String now = Millis.of(T0);
    String visibility = Long.toString(TestRedis.VISIBILITY.toMillis());

    // when the same claim call runs twice, then the worker's next call completes and claims, twice
    List<Object> first = connection.redis().multi(Script.QUEUE_CLAIM, keys, now, visibility, "r1");
    List<Object> again = connection.redis().multi(Script.QUEUE_CLAIM, keys, now, visibility, "r1");
    String[] complete = {(String) first.get(0), (String) first.get(4), now, "60000", visibility};
    List<Object> next = completeAndClaim(keys, complete, "r2");
    List<Object> nextAgain = completeAndClaim(keys, complete, "r2");

    // then each pair names one claim: the same message and token
    assertThat(again).isEqualTo(first);
    assertThat(first.get(0)).isEqualTo("k1");
    assertThat(nextAgain.subList(1, nextAgain.size())).isEqualTo(next.subList(1, next.size()));
    assertThat(next.get(1)).isEqualTo("k2");
    // and only k2 is in flight: k3 waits, ready
    assertThat(queue.counts(session, T0)).isEqualTo(new QueueCounts(1, 0, 1, 0));
  }

  private static List<Object> completeAndClaim(String[] keys, String[] args, String request) {
    String[] withRequest = Arrays.copyOf(args, args.length + 1);
    withRequest[args.length] = request;
    return connection.redis().multi(Script.QUEUE_COMPLETE_CLAIM, keys, withRequest);
  }

  /**
   * The dedupe set's Redis expiry (real time) must outlast every key in it: a quiet session's set
   * that expired with keys completed minutes ago would let those messages be enqueued again.
   */
  @Test
  void everyCompletion_renewsTheExpiryOfTheDedupeSet() {
    // given a session whose dedupe set has aged to its last five seconds
    String prefix = TestRedis.prefix();
    String session = Unique.name("quiet");
    RedisMessageQueue queue = queueOfThree(prefix, session);
    Instant t0 = T0;
    String done = new Keys(prefix).queue(session)[4];
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
