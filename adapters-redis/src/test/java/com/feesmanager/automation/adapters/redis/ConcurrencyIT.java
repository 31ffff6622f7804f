package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Many workers race on one session: each message is claimed once and the caps hold exactly. */
class ConcurrencyIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
  private static final int WORKERS = 8;

  private static RedisConnection connection;
  private static String prefix;

  @BeforeAll
  static void connect(TestInfo test) {
    connection = TestRedis.open(test);
    prefix = connection.settings().keyPrefix();
  }

  @AfterAll
  static void cleanUpAndClose() {
    TestRedis.deleteAll(connection, prefix);
    connection.close();
  }

  @Test
  void racingConsumers_claimAndCompleteEveryMessageExactlyOnce() throws Exception {
    // given
    RedisMessageQueue queue = TestRedis.queue(connection, prefix);
    String session = Unique.name("session");
    int messages = 400;
    for (int i = 0; i < messages; i++) {
      queue.enqueue(aQueuedMessage().inSession(session).enqueuedAt(T0.plusMillis(i)).build(), T0);
    }
    ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
    Instant at = T0.plusSeconds(1);

    // when
    race(
        () -> {
          Optional<Claim> claim;
          while ((claim = queue.claimNext(session, at)).isPresent()) {
            assertThat(queue.complete(claim.get(), at)).isTrue();
            completed.add(claim.get().message().key().value());
          }
          return null;
        });

    // then
    assertThat(completed).hasSize(messages).doesNotHaveDuplicates();
    assertThat(queue.counts(session, at)).isEqualTo(QueueCounts.EMPTY);
  }

  @Test
  void racingEnqueuesOfOneKey_acceptItOnce() throws Exception {
    // given
    RedisMessageQueue queue = TestRedis.queue(connection, prefix);
    QueuedMessage message = aQueuedMessage().inSession(Unique.name("session")).build();
    AtomicInteger accepted = new AtomicInteger();

    // when
    race(
        () -> {
          for (int i = 0; i < 20; i++) {
            if (queue.enqueue(message, T0)) {
              accepted.incrementAndGet();
            }
          }
          return null;
        });

    // then
    assertThat(accepted).hasValue(1);
  }

  @Test
  void racingReservations_neverExceedTheHourAndDayCaps() throws Exception {
    // given ten an hour, fifteen a local day, no gap
    RateLimitLedger ledger = connection.rateLimitLedger();
    String session = Unique.name("session");
    RateLimits limits = new RateLimits(10, 15, Duration.ZERO, KARACHI);

    // when every worker tries forty times at each of three instants
    int firstHour = sendsAt(ledger, session, limits, Duration.ZERO, T0);
    int nextHour = sendsAt(ledger, session, limits, Duration.ZERO, T0.plusSeconds(61 * 60));
    int nextDay = sendsAt(ledger, session, limits, Duration.ZERO, T0.plus(Duration.ofDays(1)));

    // then the hour cap, then the rest of the day cap, then a fresh day's hour cap
    assertThat(List.of(firstHour, nextHour, nextDay)).containsExactly(10, 5, 10);
  }

  @Test
  void racingReservations_atOneInstant_letExactlyOneThroughTheMinimumGap() throws Exception {
    // given
    RateLimitLedger ledger = connection.rateLimitLedger();
    RateLimits limits = new RateLimits(1000, 1000, Duration.ofSeconds(3), KARACHI);

    // when
    int sends = sendsAt(ledger, Unique.name("session"), limits, Duration.ofSeconds(4), T0);

    // then
    assertThat(sends).isEqualTo(1);
  }

  private static int sendsAt(
      RateLimitLedger ledger, String session, RateLimits limits, Duration gap, Instant at)
      throws Exception {
    AtomicInteger sends = new AtomicInteger();
    race(
        () -> {
          for (int i = 0; i < 40; i++) {
            if (ledger.reserve(session, limits, gap, at) instanceof RateDecision.SendNow) {
              sends.incrementAndGet();
            }
          }
          return null;
        });
    return sends.get();
  }

  private static void race(Callable<Void> work) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Void>> done =
          IntStream.range(0, WORKERS)
              .mapToObj(
                  i ->
                      workers.submit(
                          () -> {
                            start.await();
                            return work.call();
                          }))
              .toList();
      start.countDown();
      for (Future<Void> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
    }
  }
}
