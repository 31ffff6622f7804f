package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.adapters.http.HttpSurface;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running service (SPEC §2, §6, §8) as a lifecycle over its tasks: the {@link MinuteCheck}
 * at the start of every minute (and once at start-up) as {@link MinuteSchedule} times it, one
 * {@link SessionDelivery} per WhatsApp session in {@link SessionTurns}, the {@link GatewayCheck}
 * every {@code WPP_HEALTH_INTERVAL}, and the HTTP surface. {@link #stop} stops taking work, lets
 * each worker finish its current step (30 s at most) and gives the leases up. Built by {@link
 * DaemonAssembly}.
 */
public final class Daemon {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /** What the daemon runs; each part is built with what it needs. */
  record Parts(
      AtomicBoolean stopping,
      Runnable preflight,
      ScheduledExecutorService scheduler,
      MinuteSchedule minutes,
      GatewaySchedule gatewayChecks,
      SessionTurns workers,
      WakeUps wakeUps,
      HttpSurface http) {}

  private final Parts parts;
  private final String instance;
  private final String httpBind;
  private final CountDownLatch stopped = new CountDownLatch(1);

  Daemon(Parts parts, String instance, String httpBind) {
    this.parts = parts;
    this.instance = instance;
    this.httpBind = httpBind;
  }

  /** Starts the HTTP surface, the minute checks and the gateway checks; returns at once. */
  public void start() {
    parts.preflight().run();
    parts.http().start();
    parts.gatewayChecks().start();
    parts.minutes().start();
    LOG.info("daemon {} started, HTTP on {}:{}", instance, httpBind, parts.http().port());
  }

  /** The port the HTTP surface listens on (0 when disabled). */
  public int httpPort() {
    return parts.http().port();
  }

  /** Blocks until {@link #stop} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking work, lets workers finish their current step, releases leases; idempotent. */
  public void stop() {
    stop(StopBudget.start());
  }

  /**
   * As {@link #stop()}, within {@code budget}: the minute check and the workers share one wait for
   * their current step; workers still busy then are interrupted and get a little longer to hand
   * their claims back.
   */
  public synchronized void stop(StopBudget budget) {
    if (!parts.stopping().compareAndSet(false, true)) {
      return;
    }
    LOG.info("daemon {} stopping", instance);
    parts.scheduler().shutdownNow();
    parts.gatewayChecks().stop();
    parts.wakeUps().release();
    SessionTurns workers = parts.workers();
    workers.shutdown();
    try {
      // a check already firing finishes (its claims are leases); nothing starts after stop
      if (!parts.scheduler().awaitTermination(budget.forWork().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the minute check is still running; stopping without it");
      }
      if (!workers.awaitTermination(budget.forWork())) {
        LOG.warn("workers still busy; interrupting");
        workers.shutdownNow();
        if (!workers.awaitTermination(budget.forInterrupted())) {
          LOG.warn("workers still busy after the interrupt; their claims come back later");
        }
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    parts.http().close();
    stopped.countDown();
    LOG.info("daemon {} stopped", instance);
  }
}
