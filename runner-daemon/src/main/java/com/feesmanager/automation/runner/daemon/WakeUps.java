package com.feesmanager.automation.runner.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Ends the workers' current pauses: an idle worker would otherwise notice newly queued messages
 * only at its next poll, up to a second late. A worker woken from a pacing wait just finds it must
 * wait on.
 */
final class WakeUps {

  private final Clock clock;
  private final BooleanSupplier stopping;
  private final Object lock = new Object();

  /** Counts {@link #wake} calls; guarded by {@code lock}. */
  private long count;

  WakeUps(Clock clock, BooleanSupplier stopping) {
    this.clock = clock;
    this.stopping = stopping;
  }

  void wake() {
    synchronized (lock) {
      count++;
      lock.notifyAll();
    }
  }

  /** Ends every pause now, for a stop (the sleepers see {@code stopping}). */
  void release() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Sleeps until {@code until}, a {@link #wake}, or the stop. */
  void sleepUntil(Instant until) throws InterruptedException {
    synchronized (lock) {
      long seen = count;
      while (!stopping.getAsBoolean() && count == seen && clock.instant().isBefore(until)) {
        lock.wait(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
      }
    }
  }
}
