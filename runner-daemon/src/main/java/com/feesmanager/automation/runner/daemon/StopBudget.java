package com.feesmanager.automation.runner.daemon;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One budget for every step of a stop (SPEC §8: SIGTERM → exit 0 within 30 s; the compose file and
 * the systemd unit allow 40 s before SIGKILL). Each step gets what the earlier ones left, up to its
 * mark, never a fresh wait of its own: the minute check and the workers finish their current step
 * (until 22 s), workers still busy are interrupted and hand their claims back (until 24 s),
 * Firestore's waiting writes are committed (until 27 s), and the process halts at 29 s at the
 * latest, whatever is still running. The ends of queued messages are not among the waiting writes:
 * they were written through, so a cut flush loses no SENT log.
 */
final class StopBudget {

  static final Duration TOTAL = Duration.ofSeconds(30);
  static final Duration WORK_UNTIL = Duration.ofSeconds(22);
  static final Duration INTERRUPTED_UNTIL = Duration.ofSeconds(24);
  static final Duration FLUSH_UNTIL = Duration.ofSeconds(27);
  static final Duration HALT_AT = Duration.ofSeconds(29);

  private final LongSupplier nanoTime;
  private final long started;

  private StopBudget(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** A budget starting now (SIGTERM received). */
  static StopBudget start() {
    return start(System::nanoTime);
  }

  /** A budget starting now on {@code nanoTime} (tests move it by hand). */
  static StopBudget start(LongSupplier nanoTime) {
    return new StopBudget(nanoTime);
  }

  /** What is left for the minute check and the workers to finish their current step. */
  Duration forWork() {
    return until(WORK_UNTIL);
  }

  /** What is left for interrupted workers to hand their claims back. */
  Duration forInterrupted() {
    return until(INTERRUPTED_UNTIL);
  }

  /** What is left to commit Firestore's waiting writes and close the clients. */
  Duration forFlush() {
    return until(FLUSH_UNTIL);
  }

  /** What is left before the process halts, exit code 0. */
  Duration beforeHalt() {
    return until(HALT_AT);
  }

  private Duration until(Duration mark) {
    Duration left = mark.minusNanos(nanoTime.getAsLong() - started);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
