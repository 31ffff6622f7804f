package com.feesmanager.automation.runner.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When the {@link MinuteCheck} runs (SPEC §2, aligned to the start of each interval): once at
 * start-up, then at every boundary computed from the clock (not a fixed rate, which drifts), with
 * its preparation (account scan, worker upkeep, new sessions' gateway check) {@link #prepareAhead}
 * before it, so the boundary's work starts with firing. The check never starts before its boundary
 * by the clock: the executor's timer may run a little early, and the rest is waited out.
 */
final class MinuteSchedule {

  /** How long before a boundary its preparation runs (at most a quarter of the interval). */
  static final Duration PREPARE_AHEAD = Duration.ofSeconds(5);

  /** The next boundary after {@code now}, and when to prepare for it. */
  record Next(Instant prepareAt, Instant boundary) {
    Next {
      Objects.requireNonNull(prepareAt, "'prepareAt' must not be null");
      Objects.requireNonNull(boundary, "'boundary' must not be null");
    }

    /** Whether there is still time to prepare before the boundary. */
    boolean canPrepare(Instant now) {
      return now.isBefore(prepareAt);
    }
  }

  private final ScheduledExecutorService scheduler;
  private final MinuteCheck check;
  private final Duration interval;
  private final Clock clock;
  private final BooleanSupplier stopping;

  MinuteSchedule(
      ScheduledExecutorService scheduler,
      MinuteCheck check,
      Duration interval,
      Clock clock,
      BooleanSupplier stopping) {
    this.scheduler = Objects.requireNonNull(scheduler, "'scheduler' must not be null");
    this.check = Objects.requireNonNull(check, "'check' must not be null");
    this.interval = Objects.requireNonNull(interval, "'interval' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.stopping = Objects.requireNonNull(stopping, "'stopping' must not be null");
  }

  /** The lead for {@code interval}: {@link #PREPARE_AHEAD}, or a quarter of a short interval. */
  static Duration prepareAhead(Duration interval) {
    Duration quarter = interval.dividedBy(4);
    return quarter.compareTo(PREPARE_AHEAD) < 0 ? quarter : PREPARE_AHEAD;
  }

  /** The first boundary strictly after {@code now}, boundaries being multiples of the interval. */
  static Next next(Instant now, Duration interval) {
    long every = interval.toMillis();
    long millis = now.toEpochMilli();
    Instant boundary = Instant.ofEpochMilli(millis - Math.floorMod(millis, every) + every);
    return new Next(boundary.minus(prepareAhead(interval)), boundary);
  }

  /** Runs the start-up check now; every later one follows on its own. */
  void start() {
    scheduler.execute(this::checkNow);
  }

  private void checkNow() {
    if (stopping.getAsBoolean()) {
      return;
    }
    try {
      check.run();
    } finally {
      scheduleNext();
    }
  }

  private void scheduleNext() {
    Instant now = clock.instant();
    Next next = next(now, interval);
    if (next.canPrepare(now)) {
      schedule(() -> prepare(next.boundary()), next.prepareAt());
    } else {
      // the last check ran long: no time to prepare, the check scans for itself
      schedule(() -> checkAt(next.boundary()), next.boundary());
    }
  }

  private void prepare(Instant boundary) {
    if (stopping.getAsBoolean()) {
      return;
    }
    try {
      // logged like the check's own steps; the check at the boundary then scans for itself
      TaskGuard.guarded("preparing the minute check", check::prepare);
    } finally {
      schedule(() -> checkAt(boundary), boundary);
    }
  }

  /** The boundary's check; a timer that fired before the boundary (by the clock) waits it out. */
  private void checkAt(Instant boundary) {
    try {
      Instant now;
      while (!stopping.getAsBoolean() && (now = clock.instant()).isBefore(boundary)) {
        Thread.sleep(Duration.between(now, boundary).toMillis() + 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopping
    }
    checkNow();
  }

  private void schedule(Runnable task, Instant at) {
    if (stopping.getAsBoolean()) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    try {
      scheduler.schedule(task, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopping: nothing more to schedule
    }
  }
}
