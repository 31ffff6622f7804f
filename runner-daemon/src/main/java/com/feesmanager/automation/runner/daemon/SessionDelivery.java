package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** One session's turn of delivery: a {@link SessionWorker} under the session's lease. */
final class SessionDelivery implements SessionTurns.Turn {

  private final String instance;
  private final DeliverMessagesUseCase deliveries;
  private final SessionLeases leases;
  private final Clock clock;
  private final WakeUps wakeUps;
  private final SessionWorker.Pacing pacing;
  private final DaemonMetrics metrics;
  private final BooleanSupplier stopping;

  SessionDelivery(
      String instance,
      DeliverMessagesUseCase deliveries,
      SessionLeases leases,
      Clock clock,
      WakeUps wakeUps,
      Duration visibilityTimeout,
      DaemonMetrics metrics,
      BooleanSupplier stopping) {
    this.instance = instance;
    this.deliveries = deliveries;
    this.leases = leases;
    this.clock = clock;
    this.wakeUps = wakeUps;
    this.pacing = pacing(visibilityTimeout);
    this.metrics = metrics;
    this.stopping = stopping;
  }

  @Override
  public void run(String session, BooleanSupplier yieldNow) {
    SessionWorker worker =
        new SessionWorker(
            session,
            instance,
            deliveries,
            leases,
            clock,
            wakeUps::sleepUntil,
            pacing,
            (s, step) -> metrics.recordStep(step));
    worker.run(() -> stopping.getAsBoolean() || yieldNow.getAsBoolean());
  }

  /**
   * The lease lasts one visibility timeout; the pauses are capped at half of it so a short
   * VISIBILITY_TIMEOUT (accepted from 1 s) never lets the lease lapse between steps.
   */
  static SessionWorker.Pacing pacing(Duration visibilityTimeout) {
    Duration half = visibilityTimeout.dividedBy(2);
    return new SessionWorker.Pacing(
        visibilityTimeout, min(Duration.ofSeconds(1), half), min(Duration.ofSeconds(30), half));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
