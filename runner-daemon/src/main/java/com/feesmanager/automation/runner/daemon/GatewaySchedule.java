package com.feesmanager.automation.runner.daemon;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link GatewayCheck} on its own thread, so a slow gateway never delays the minute's
 * firing (SPEC §6): at start, every {@code WPP_HEALTH_INTERVAL}, and at once for new sessions.
 */
final class GatewaySchedule {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /** How long a heartbeat waits for the first check of a new session before showing it unknown. */
  static final Duration NEW_SESSION_CHECK_WAIT = Duration.ofSeconds(5);

  private final GatewayCheck check;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-check"));

  /** The check of sessions seen for the first time, which the next heartbeat briefly waits for. */
  private volatile Future<?> newSessionsCheck = CompletableFuture.completedFuture(null);

  /** A check of new sessions is submitted and has not started yet. */
  private final AtomicBoolean checkWaiting = new AtomicBoolean();

  GatewaySchedule(GatewayCheck check, Duration interval) {
    this.check = check;
    this.interval = interval;
  }

  void start() {
    newSessionsCheck = executor.submit(check);
    long every = Math.max(1000, interval.toMillis());
    executor.scheduleWithFixedDelay(check, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Checks now, unless a check of new sessions is already waiting: at most one waits, behind a slow
   * running check (which may have listed the accounts before a new one existed), not one more every
   * minute.
   */
  void checkNewSessions() {
    if (checkWaiting.getAndSet(true)) {
      return;
    }
    try {
      newSessionsCheck =
          executor.submit(
              () -> {
                checkWaiting.set(false);
                check.run();
              });
    } catch (RejectedExecutionException e) {
      checkWaiting.set(false); // stopping
    }
  }

  /**
   * Waits a little for the check of new sessions: their state, not UNREACHABLE, belongs in the
   * heartbeat, but a slow gateway must not hold the heartbeat long either. False when interrupted.
   */
  boolean awaitNewSessions() {
    try {
      newSessionsCheck.get(NEW_SESSION_CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      LOG.debug("heartbeat written before the new sessions' gateway check ended");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  void stop() {
    executor.shutdownNow();
  }
}
