package com.feesmanager.automation.runner.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded, fair delivery across sessions: at most {@code slots} sessions deliver at once; a session
 * whose turn has lasted {@code slice} while others wait for a slot yields and queues again behind
 * them. Without the hand-over a busy session would keep its slot until its queue drained, and
 * sessions beyond the slots would wait as long.
 */
final class SessionTurns {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTurns.class);

  /** One session's delivery; returns when {@code yieldNow} says so, when stopping, or on error. */
  @FunctionalInterface
  interface Turn {
    void run(String session, BooleanSupplier yieldNow);
  }

  private final Duration slice;
  private final Clock clock;
  private final Turn turn;
  private final ThreadPoolExecutor executor;
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
  private final AtomicInteger threads = new AtomicInteger();

  SessionTurns(int slots, Duration slice, Clock clock, Turn turn) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1");
    }
    this.slice = Objects.requireNonNull(slice, "'slice' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.turn = Objects.requireNonNull(turn, "'turn' must not be null");
    this.executor =
        new ThreadPoolExecutor(
            slots,
            slots,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            // numbered: the lateness timeline tells the workers' store calls apart by thread
            r -> new Thread(r, "session-worker-" + threads.incrementAndGet()));
  }

  /** Gives {@code session} a turn unless it has one running or waiting. */
  void offer(String session) {
    if (scheduled.add(session)) {
      submit(session);
    }
  }

  private void submit(String session) {
    try {
      executor.execute(() -> take(session));
    } catch (RejectedExecutionException e) {
      scheduled.remove(session); // shutting down
    }
  }

  private void take(String session) {
    Instant started = clock.instant();
    LOG.debug("session {}: turn starts", session);
    AtomicBoolean yielded = new AtomicBoolean();
    BooleanSupplier yieldNow =
        () -> {
          boolean others = !executor.getQueue().isEmpty();
          if (others && Duration.between(started, clock.instant()).compareTo(slice) >= 0) {
            yielded.set(true);
          }
          return yielded.get();
        };
    try {
      turn.run(session, yieldNow);
    } catch (RuntimeException e) {
      LOG.error("worker of session {} failed; restarted at the next minute", session, e);
      yielded.set(false);
    }
    if (yielded.get() && !executor.isShutdown()) {
      submit(session); // behind the sessions that were waiting
    } else {
      scheduled.remove(session);
    }
  }

  /** Sessions with a turn running or waiting. */
  Set<String> scheduled() {
    return Set.copyOf(scheduled);
  }

  /** Takes no new turns; running ones end when their work sees the owner stopping. */
  void shutdown() {
    executor.shutdown();
  }

  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void shutdownNow() {
    executor.shutdownNow();
  }
}
