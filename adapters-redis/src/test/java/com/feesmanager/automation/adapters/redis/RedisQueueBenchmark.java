package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enqueue N messages, then drain them (claimNext, then markSending + completeAndClaimNext per
 * message as the delivery path does, or with "two-call" claimNext + markSending + complete; no-op
 * send, limits off) with W threads sharing one connection; prints the throughputs. Run by {@code
 * scripts/bench-redis.sh}, never by the test suite.
 */
public final class RedisQueueBenchmark {

  private RedisQueueBenchmark() {}

  /**
   * Arguments: REDIS_URL, messages, workers, warm-up messages, "two-call" or "combined", and the
   * client: "lettuce" (the daemon's; default) or "jedis" (a one-shot tick's).
   */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : TestRedis.url();
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    // "two-call" drains with claimNext + complete, as before completeAndClaimNext existed.
    boolean twoCalls = args.length > 4 && "two-call".equals(args[4]);
    RedisDriver driver =
        args.length > 5
            ? RedisDriver.valueOf(args[5].toUpperCase(Locale.ROOT))
            : RedisDriver.LETTUCE;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String prefix = "fmbench:" + Unique.name("run") + ":";
    String session = "bench";
    try (RedisConnection connection =
        RedisConnection.open(RedisSettings.of(url).withPrefix(prefix).withDriver(driver))) {
      RedisMessageQueue queue = connection.messageQueue();
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      Result result;
      try {
        // The same work on another session first, so JIT compilation is not part of the figures.
        run(pool, workers, queue, "warm-up", warmUp, twoCalls);
        result = run(pool, workers, queue, session, count, twoCalls);
      } finally {
        pool.shutdownNow();
      }
      double enqueueSeconds = result.enqueueSeconds();
      double drainSeconds = result.drainSeconds();
      out.printf(
          "ours (%s, %s): %d messages, %d workers: enqueue %.0f msg/s (%.2f s), drain %.0f msg/s (%.2f s)%n",
          twoCalls ? "claimNext + markSending + complete" : "markSending + completeAndClaimNext",
          driver.name().toLowerCase(Locale.ROOT),
          count,
          workers,
          count / enqueueSeconds,
          enqueueSeconds,
          count / drainSeconds,
          drainSeconds);
      out.printf(
          "ours_enqueue_per_s=%.0f%nours_drain_per_s=%.0f%n",
          count / enqueueSeconds, count / drainSeconds);
      TestRedis.deleteAll(connection, prefix);
    }
  }

  private record Result(double enqueueSeconds, double drainSeconds) {}

  private static Result run(
      ExecutorService pool,
      int workers,
      RedisMessageQueue queue,
      String session,
      int count,
      boolean twoCalls)
      throws Exception {
    Instant base = Instant.now();
    List<QueuedMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Full random keys: the builder's short random keys collide now and then in 50,000, and
      // the queue would rightly refuse the duplicate.
      messages.add(
          aQueuedMessage()
              .inSession(session)
              .withKey(UUID.randomUUID().toString())
              .enqueuedAt(base.plusMillis(i))
              .build());
    }
    AtomicInteger next = new AtomicInteger();
    long enqueueStart = System.nanoTime();
    runAll(
        pool,
        workers,
        () -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            queue.enqueue(messages.get(i), Instant.now());
          }
        });
    double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
    AtomicInteger drained = new AtomicInteger();
    long drainStart = System.nanoTime();
    runAll(
        pool,
        workers,
        twoCalls
            ? () -> {
              Optional<Claim> claim;
              while ((claim = queue.claimNext(session, Instant.now())).isPresent()) {
                // as DeliverMessagesService: marked as sending, then the no-op send
                if (queue.markSending(claim.get(), Instant.now())
                    && queue.complete(claim.get(), Instant.now())) {
                  drained.incrementAndGet();
                }
              }
            }
            : () -> {
              // The worker's hot path: one round trip per message after the first claim.
              Optional<Claim> claim = queue.claimNext(session, Instant.now());
              while (claim.isPresent()) {
                // As DeliverMessagesService does per message: marked as sending (the record that
                // stops a re-claimed message from being sent blindly), the no-op send, then done.
                if (!queue.markSending(claim.get(), Instant.now())) {
                  throw new IllegalStateException("claim lost: " + claim.get().message().key());
                }
                claim = queue.completeAndClaimNext(claim.get(), Instant.now());
                drained.incrementAndGet();
              }
            });
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    // completeAndClaimNext does not say whether it completed: the queue must be empty instead.
    QueueCounts left = queue.counts(session, Instant.now());
    if (drained.get() != count || !left.equals(QueueCounts.EMPTY)) {
      throw new IllegalStateException("drained " + drained.get() + " of " + count + ", " + left);
    }
    return new Result(enqueueSeconds, drainSeconds);
  }

  private static void runAll(ExecutorService pool, int workers, Runnable work) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(work));
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }
}
