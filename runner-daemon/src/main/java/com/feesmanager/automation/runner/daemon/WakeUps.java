package com.feesmanager.automation.runner.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Ends a session worker's current pause: an idle worker would otherwise notice newly queued
 * messages only at its next poll, up to a second late. A wake is for one session, so a minute's
 * firing wakes only the workers it queued for (every worker woken would claim and renew its lease
 * for nothing, on the two cores the firing needs). A wake is kept until the session's worker next
 * pauses, so one that comes while the worker is mid-step is not missed: the worker steps again at
 * once. A worker woken from a pacing wait just finds it must wait on.
 */
final class WakeUps {

  private final Clock clock;
  private final BooleanSupplier stopping;
  private final Object lock = new Object();

  /** Sessions woken since their worker last paused; guarded by {@code lock}. */
  private final Set<String> woken = new HashSet<>();

  WakeUps(Clock clock, BooleanSupplier stopping) {
    this.clock = clock;
    this.stopping = stopping;
  }

  /** Wakes {@code session}'s worker now, or ends its next pause at once if it is mid-step. */
  void wake(String session) {
    synchronized (lock) {
      woken.add(session);
      lock.notifyAll();
    }
  }

  /** Ends every pause now, for a stop (the sleepers see {@code stopping}). */
  void release() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Whether {@code session} has a wake its worker has not yet seen (for tests). */
  boolean pending(String session) {
    synchronized (lock) {
      return woken.contains(session);
    }
  }

  /**
   * Sleeps until {@code until}, a {@link #wake} of {@code session} (also one before), or the stop.
   */
  void sleepUntil(String session, Instant until) throws InterruptedException {
    synchronized (lock) {
      while (!stopping.getAsBoolean()
          && !woken.contains(session)
          && clock.instant().isBefore(until)) {
        lock.wait(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
      }
      woken.remove(session);
    }
  }
}
