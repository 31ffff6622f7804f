package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One session's turn of delivery: a {@link SessionWorker} under the session's lease. The lease is
 * short ({@link #LEASE_TTL}) and renewed every {@link #RENEW_EVERY} while the worker runs, also
 * during a long step (a send waiting for its reply): a daemon killed with {@code kill -9} stops
 * renewing, so another daemon, or this one restarted, delivers the session within seconds instead
 * of after a visibility timeout (issue 13: 2 minutes of silence after each kill); one restarted on
 * the same host takes it at once ({@link LeaseTakeover}).
 */
final class SessionDelivery implements SessionTurns.Turn {

  static final Duration LEASE_TTL = Duration.ofSeconds(15);
  static final Duration RENEW_EVERY = Duration.ofSeconds(5);

  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "session-lease-renewal");
            thread.setDaemon(true);
            return thread;
          });

  private final String owner;
  private final DeliverMessagesUseCase deliveries;
  private final SessionLeases leases;
  private final SessionWorker.Takeover takeover;
  private final Clock clock;
  private final WakeUps wakeUps;
  private final SessionWorker.Pacing pacing;
  private final DaemonMetrics metrics;
  private final BooleanSupplier stopping;

  SessionDelivery(
      String owner,
      DeliverMessagesUseCase deliveries,
      SessionLeases leases,
      SessionWorker.Takeover takeover,
      Clock clock,
      WakeUps wakeUps,
      Duration visibilityTimeout,
      DaemonMetrics metrics,
      BooleanSupplier stopping) {
    this.owner = owner;
    this.deliveries = deliveries;
    this.leases = leases;
    this.takeover = takeover;
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
            owner,
            deliveries,
            leases,
            takeover,
            clock,
            until -> wakeUps.sleepUntil(session, until),
            pacing,
            (s, step) -> metrics.recordStep(step));
    ScheduledFuture<?> renewal =
        RENEWALS.scheduleWithFixedDelay(
            () -> renew(session),
            RENEW_EVERY.toMillis(),
            RENEW_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      worker.run(() -> stopping.getAsBoolean() || yieldNow.getAsBoolean());
    } finally {
      renewal.cancel(false);
      // a renewal that ran after the worker let the lease go must not keep it for LEASE_TTL
      releaseQuietly(session);
    }
  }

  private void renew(String session) {
    try {
      leases.acquire(session, owner, clock.instant(), pacing.leaseTtl());
    } catch (RuntimeException e) {
      // Redis away: the worker's own step sees it and backs off; the lease lapses as it should
    }
  }

  private void releaseQuietly(String session) {
    try {
      leases.release(session, owner);
    } catch (RuntimeException e) {
      // Redis away: the lease lapses after LEASE_TTL
    }
  }

  /**
   * The lease lasts {@link #LEASE_TTL} (or one visibility timeout, if shorter); the pauses are
   * capped at half of it so the lease never lapses between steps even without the renewals.
   */
  static SessionWorker.Pacing pacing(Duration visibilityTimeout) {
    Duration lease = min(LEASE_TTL, visibilityTimeout);
    Duration half = lease.dividedBy(2);
    return new SessionWorker.Pacing(
        lease, min(Duration.ofSeconds(1), half), min(Duration.ofSeconds(30), half));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
