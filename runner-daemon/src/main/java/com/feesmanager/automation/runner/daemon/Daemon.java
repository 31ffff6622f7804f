package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.OutageWatch;
import com.feesmanager.automation.application.SessionWorker;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.CheckGatewayCommand;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.PublishHeartbeatCommand;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.GatewayEvent;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig;
import com.feesmanager.automation.runner.daemon.config.Secret;
import com.feesmanager.automation.runner.daemon.http.DaemonHttpServer;
import com.feesmanager.automation.runner.daemon.http.HttpSettings;
import com.feesmanager.automation.runner.daemon.http.ReadinessCheck;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import com.feesmanager.automation.runner.daemon.wiring.ServerClients;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running service (SPEC §2, §6, §8): a check at the start of every minute (and once at
 * start-up) fires due occurrences and publishes heartbeats; one worker per WhatsApp session
 * delivers under the session's lease; the gateway is checked every {@code WPP_HEALTH_INTERVAL}; the
 * HTTP surface serves health, metrics, status and receipts. {@link #stop} stops taking work, lets
 * each worker finish its current step (30 s at most) and gives the leases up.
 */
final class Daemon {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /** Sessions delivered at once; more wait for a free worker. */
  static final int MAX_SESSION_WORKERS = 8;

  /** A busy session hands its worker over after this long when other sessions wait for one. */
  static final Duration SESSION_SLICE = Duration.ofSeconds(30);

  private final Injector injector;
  private final AutomationConfig config;
  private final ServerClients clients;
  private final Clock clock;
  private final String instance;
  private final DaemonMetrics metrics;
  private final Map<String, GatewayState> gatewayStates = new ConcurrentHashMap<>();
  private final Object wakeUp = new Object();

  /** Counts {@link #wakeWorkers} calls; guarded by {@code wakeUp}. */
  private long wakeUps;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scheduler"));

  /** Gateway checks run here, so a slow gateway never delays the minute's firing (SPEC §6). */
  private final ScheduledExecutorService gatewayChecks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-check"));

  /** The check of sessions seen for the first time, which the next heartbeat briefly waits for. */
  private volatile Future<?> newSessionsCheck = CompletableFuture.completedFuture(null);

  /** A check of new sessions is submitted and has not started yet. */
  private final AtomicBoolean checkWaiting = new AtomicBoolean();

  /** How long a heartbeat waits for the first check of a new session before showing it unknown. */
  static final Duration NEW_SESSION_CHECK_WAIT = Duration.ofSeconds(5);

  private final SessionTurns workers;
  private volatile boolean stopping;
  private DaemonHttpServer http;
  private OutageWatch outages;

  /** How long a store probe (readiness, outage alerts) waits for Firestore. */
  private static final Duration STORE_PROBE_TIMEOUT = Duration.ofSeconds(3);

  Daemon(
      Injector injector,
      AutomationConfig config,
      ServerClients clients,
      Clock clock,
      String instance) {
    this(injector, config, clients, clock, instance, new DaemonMetrics());
  }

  /** With {@code metrics} that the caller may also have given the gateway to (send latency). */
  Daemon(
      Injector injector,
      AutomationConfig config,
      ServerClients clients,
      Clock clock,
      String instance,
      DaemonMetrics metrics) {
    this.metrics = metrics;
    this.workers = new SessionTurns(MAX_SESSION_WORKERS, SESSION_SLICE, clock, this::work);
    this.injector = injector;
    this.config = config;
    this.clients = clients;
    this.clock = clock;
    this.instance = instance;
  }

  /** Starts the HTTP surface, the minute checks and the gateway checks; returns at once. */
  void start() {
    outages = new OutageWatch(injector.getInstance(Alerts.class), OutageWatch.ALERT_AFTER);
    RedisPersistenceCheck.run(
        clients.redis(), injector.getInstance(AccountProblems.class), clock.instant());
    GetStatusUseCase status = injector.getInstance(GetStatusUseCase.class);
    metrics.watchQueues(() -> status.status(new StatusQuery(clock.instant())).queues());
    http =
        new DaemonHttpServer(
            new HttpSettings(
                config.httpBind(),
                config.httpPort(),
                config.wppconnect().webhookSecret().map(Secret::reveal)),
            metrics,
            List.of(
                ReadinessCheck.named("redis", this::redisReady),
                ReadinessCheck.named("firestore", this::firestoreReady),
                ReadinessCheck.named("gateway", this::gatewayReady)),
            Duration.ofSeconds(5),
            () -> status.status(new StatusQuery(clock.instant())),
            injector.getInstance(ApplyReceiptUseCase.class),
            this::sessionReported,
            clock);
    http.start();
    newSessionsCheck = gatewayChecks.submit(this::checkGateway);
    scheduler.execute(this::minuteCheck);
    long health = Math.max(1000, config.wppconnect().healthInterval().toMillis());
    gatewayChecks.scheduleWithFixedDelay(this::checkGateway, health, health, TimeUnit.MILLISECONDS);
    LOG.info("daemon {} started, HTTP on {}:{}", instance, config.httpBind(), http.port());
  }

  /** The port the HTTP surface listens on (0 when disabled). */
  int httpPort() {
    return http.port();
  }

  /** Blocks until {@link #stop} has finished. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking work, lets workers finish their current step, releases leases; idempotent. */
  void stop() {
    stop(StopBudget.start());
  }

  /**
   * As {@link #stop()}, within {@code budget}: the minute check and the workers share one wait for
   * their current step; workers still busy then are interrupted and get a little longer to hand
   * their claims back.
   */
  synchronized void stop(StopBudget budget) {
    if (stopping) {
      return;
    }
    stopping = true;
    LOG.info("daemon {} stopping", instance);
    scheduler.shutdownNow();
    gatewayChecks.shutdownNow();
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    workers.shutdown();
    try {
      // a check already firing finishes (its claims are leases); nothing starts after stop
      if (!scheduler.awaitTermination(budget.forWork().toMillis(), TimeUnit.MILLISECONDS)) {
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
    if (http != null) {
      http.close();
    }
    stopped.countDown();
    LOG.info("daemon {} stopped", instance);
  }

  /**
   * Firing, worker upkeep and heartbeats each run guarded (SPEC §2 isolation): whatever one of them
   * throws is logged and the others still happen this minute. Within each, accounts are isolated
   * from each other by the use cases.
   */
  private void minuteCheck() {
    if (stopping) {
      return;
    }
    Instant started = clock.instant();
    try {
      guarded("firing", () -> fire(started));
      // receipts that arrived before their send was recorded (issue 11)
      guarded(
          "applying kept receipts",
          () -> injector.getInstance(ApplyReceiptUseCase.class).applyPending(clock.instant()));
      guarded("worker upkeep", this::upkeepWorkers);
      guarded("heartbeat", this::publishHeartbeats);
    } finally {
      metrics.recordTick(Duration.between(started, clock.instant()));
      watchStores();
      scheduleNextMinute();
    }
  }

  private static void guarded(String step, Runnable work) {
    try {
      work.run();
    } catch (InfrastructureException e) {
      LOG.warn("{} failed: {}", step, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed", step, e);
    }
  }

  private void fire(Instant at) {
    FireReport report =
        injector
            .getInstance(FireDueOccurrencesUseCase.class)
            .fireDueOccurrences(new FireDueOccurrencesCommand(at));
    metrics.recordFire(report);
    if (report.queued() > 0) {
      wakeWorkers();
    }
    report
        .occurrences()
        .forEach(
            o ->
                LOG.info(
                    "{} {} {} {}: matched {}, queued {}, skipped {}{}",
                    o.outcome(),
                    o.uid(),
                    o.ruleId(),
                    o.occurrence(),
                    o.matched(),
                    o.queued(),
                    o.skipped(),
                    o.problems().isEmpty() ? "" : " (" + String.join("; ", o.problems()) + ")"));
    report.problems().forEach(p -> LOG.warn("problem: {}", p));
  }

  private void publishHeartbeats() {
    try {
      // a session seen for the first time was sent to be checked: its state, not UNREACHABLE,
      // belongs in the heartbeat, but a slow gateway must not hold the heartbeat long either
      newSessionsCheck.get(NEW_SESSION_CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      LOG.debug("heartbeat written before the new sessions' gateway check ended");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    injector
        .getInstance(PublishHeartbeatUseCase.class)
        .publishHeartbeats(
            new PublishHeartbeatCommand(
                clock.instant(), instance, Version.VALUE, Map.copyOf(gatewayStates)));
  }

  /** SPEC §8: probes Redis and Firestore (past the outage cache) for the outage alerts. */
  private void watchStores() {
    try {
      Instant now = clock.instant();
      outages
          .observe(OutageWatch.Store.REDIS, clients.redis().isReachable(), now)
          .ifPresent(since -> LOG.warn("Redis unreachable since {}", since));
      outages
          .observe(
              OutageWatch.Store.FIRESTORE,
              clients.firestore().isReachable(STORE_PROBE_TIMEOUT),
              now)
          .ifPresent(since -> LOG.warn("Firestore unreachable since {}", since));
    } catch (RuntimeException e) {
      LOG.warn("store probe failed: {}", e.getMessage());
    }
  }

  /** The next check at the start of the next interval (a minute by default), a little after. */
  private void scheduleNextMinute() {
    if (stopping) {
      return;
    }
    long interval = config.scheduling().checkInterval().toMillis();
    long now = clock.millis();
    long delay = interval - Math.floorMod(now, interval) + 50;
    try {
      scheduler.schedule(this::minuteCheck, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping: nothing more to schedule
    }
  }

  /**
   * Starts a worker for every session with an enabled account or a queue, each on its own; forgets
   * the gateway state of sessions no enabled account uses any more; sends sessions seen for the
   * first time to be checked at once (not at the next WPP_HEALTH_INTERVAL).
   */
  private void upkeepWorkers() {
    Set<String> accountSessions = new TreeSet<>();
    Set<String> uids = new TreeSet<>();
    for (AccountSettings account :
        injector.getInstance(AccountDirectory.class).enabledAccounts().accounts()) {
      accountSessions.add(account.automation().wppSession());
      uids.add(account.uid());
    }
    Set<String> sessions = new TreeSet<>(accountSessions);
    guarded(
        "listing the queued sessions",
        () -> sessions.addAll(injector.getInstance(QueueMonitor.class).sessions()));
    for (String session : sessions) {
      guarded("the worker of session " + session, () -> workers.offer(session));
    }
    // metric labels follow what is served: enabled accounts, sessions with an account or a queue
    metrics.retain(uids, sessions);
    gatewayStates.keySet().retainAll(accountSessions);
    // one check waiting at most: behind a slow running check (which may have listed the accounts
    // before this one existed), not one more every minute
    if (!gatewayStates.keySet().containsAll(accountSessions) && !checkWaiting.getAndSet(true)) {
      try {
        newSessionsCheck =
            gatewayChecks.submit(
                () -> {
                  checkWaiting.set(false);
                  checkGateway();
                });
      } catch (RejectedExecutionException e) {
        checkWaiting.set(false); // stopping
      }
    }
  }

  private void work(String session, BooleanSupplier yieldNow) {
    SessionWorker worker =
        new SessionWorker(
            session,
            instance,
            injector.getInstance(DeliverMessagesUseCase.class),
            injector.getInstance(SessionLeases.class),
            clock,
            this::sleepUntil,
            pacing(config.visibilityTimeout()),
            (s, step) -> metrics.recordStep(step));
    worker.run(() -> stopping || yieldNow.getAsBoolean());
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

  /**
   * Ends the workers' current pauses: an idle worker would otherwise notice newly queued messages
   * only at its next poll, up to a second late. A worker woken from a pacing wait just finds it
   * must wait on.
   */
  private void wakeWorkers() {
    synchronized (wakeUp) {
      wakeUps++;
      wakeUp.notifyAll();
    }
  }

  private void sleepUntil(Instant until) throws InterruptedException {
    synchronized (wakeUp) {
      long seen = wakeUps;
      while (!stopping && wakeUps == seen && clock.instant().isBefore(until)) {
        wakeUp.wait(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
      }
    }
  }

  /**
   * A webhook status-find: browserClose, serverClose, disconnectedMobile … say the session cannot
   * send; the gateway check runs now (it restarts a crashed session), not at the next interval.
   */
  private void sessionReported(GatewayEvent.SessionStatusChanged change) {
    LOG.info("session {} reported {}", change.session(), change.state());
    if (!change.state().canSend() && !stopping) {
      try {
        scheduler.execute(this::checkGateway);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping: no more checks
      }
    }
  }

  private void checkGateway() {
    if (stopping) {
      return;
    }
    try {
      GatewayReport report =
          injector
              .getInstance(CheckGatewayUseCase.class)
              .checkGateway(new CheckGatewayCommand(clock.instant()));
      metrics.recordGateway(report);
      report
          .sessions()
          .forEach(
              s -> {
                gatewayStates.put(s.session(), new GatewayState(s.state(), s.checkedAt()));
                if (s.changed()) {
                  LOG.warn("WhatsApp session {} is now {}", s.session(), s.state());
                }
              });
    } catch (RuntimeException e) {
      LOG.warn("gateway check failed: {}", e.getMessage());
    }
  }

  private ReadinessCheck.Result redisReady() {
    return clients.redis().isReachable()
        ? ReadinessCheck.Result.up("PING")
        : ReadinessCheck.Result.down("no answer");
  }

  private ReadinessCheck.Result firestoreReady() {
    // A live query: reads served from the outage cache must not hide an outage.
    if (!clients.firestore().isReachable(STORE_PROBE_TIMEOUT)) {
      return ReadinessCheck.Result.down("no answer");
    }
    int accounts = injector.getInstance(AccountDirectory.class).enabledAccounts().accounts().size();
    return ReadinessCheck.Result.up(accounts + " enabled account(s)");
  }

  private ReadinessCheck.Result gatewayReady() {
    SessionState state = clients.gateway().sessionState(config.wppconnect().defaultSession());
    return state == SessionState.UNREACHABLE
        ? ReadinessCheck.Result.down("wppconnect-server unreachable")
        : ReadinessCheck.Result.up("session " + state);
  }
}
