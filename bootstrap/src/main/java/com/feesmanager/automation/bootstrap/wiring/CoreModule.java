package com.feesmanager.automation.bootstrap.wiring;

import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.ApplyReceiptService;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.CheckGatewayService;
import com.feesmanager.automation.application.DeliverMessagesService;
import com.feesmanager.automation.application.FireDueOccurrencesService;
import com.feesmanager.automation.application.GetStatusService;
import com.feesmanager.automation.application.OutageWatch;
import com.feesmanager.automation.application.PreviewOccurrenceService;
import com.feesmanager.automation.application.PublishHeartbeatService;
import com.feesmanager.automation.application.SendTimeTruth;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.WatchOutagesUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.SendTimeReads;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The use cases over whatever ports the other modules bind, with the process settings. The same
 * module serves the daemon, {@code tick}, the lambda and the embedded default.
 */
public final class CoreModule extends AbstractModule {

  private final AutomationSettings settings;
  private final String defaultCountryCode;
  private final boolean autoReconnect;

  public CoreModule(AutomationSettings settings, String defaultCountryCode, boolean autoReconnect) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.defaultCountryCode =
        Objects.requireNonNull(defaultCountryCode, "'defaultCountryCode' must not be null");
    this.autoReconnect = autoReconnect;
  }

  @Provides
  AutomationSettings settings() {
    return settings;
  }

  /** One registry per process: firing, delivery and start-up report, the heartbeat publishes. */
  @Provides
  @Singleton
  AccountProblems accountProblems() {
    return new AccountProblems();
  }

  @Provides
  @Singleton
  ReminderPlanner planner() {
    return new ReminderPlanner(new PhoneNormaliser(defaultCountryCode));
  }

  @Provides
  @Singleton
  FireDueOccurrencesUseCase fire(
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      OccurrenceClaims claims,
      MessageQueue queue,
      DeliveryLog deliveryLog,
      RunLog runLog,
      Alerts alerts,
      DailyTally tally,
      ReminderPlanner planner,
      AccountProblems problems) {
    return new FireDueOccurrencesService(
        accounts,
        rules,
        students,
        claims,
        queue,
        deliveryLog,
        runLog,
        alerts,
        tally,
        planner,
        settings,
        problems,
        firingPool(),
        LARGE_ACCOUNTS);
  }

  /**
   * Accounts fired at once. A small account's firing is mostly waiting on Firestore and Redis
   * (rules, claim, run record, students, enqueue: 40–250 ms), so eight overlap those waits and the
   * minute's occurrences go out together rather than two by two (docs/decisions/perf.md). Large
   * accounts are bounded by {@link #LARGE_ACCOUNTS} instead.
   */
  static final int FIRING_THREADS = 8;

  /**
   * At most two accounts with 200 students or more (or not read yet since the start) read and plan
   * at once: that work is CPU-bound (a local emulator, a busy 2-core droplet), and more at once all
   * finish late (measured: four at once, the first message at 8.8 s; eight, at 4.1 s against 1.4 s
   * with two; 10 × 5,000 students), the first messages with them; two overlap one's store waits
   * with the other's planning.
   */
  static final FireDueOccurrencesService.LargeAccounts LARGE_ACCOUNTS =
      new FireDueOccurrencesService.LargeAccounts(2, 200);

  /**
   * Fires up to {@link #FIRING_THREADS} accounts at once, the others queued in scan order (first
   * come, first served, so no account waits behind more than the ones before it). Daemon threads
   * that end after a few idle seconds: a one-shot tick still exits, an idle daemon holds none.
   */
  private static Executor firingPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            FIRING_THREADS,
            FIRING_THREADS,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "firing-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Provides
  @Singleton
  DeliverMessagesUseCase deliver(
      MessageQueue queue,
      AccountDirectory accounts,
      OperatorHolds holds,
      RuleSource rules,
      StudentDirectory students,
      SendTimeReads together,
      ReminderPlanner planner,
      RateLimitLedger ledger,
      WhatsAppGateway gateway,
      DeliveryLog deliveryLog,
      SessionBindings bindings,
      Alerts alerts,
      AccountProblems problems,
      DailyTally tally,
      RandomGenerator random) {
    return new DeliverMessagesService(
        queue,
        accounts,
        holds,
        new SendTimeTruth(together, accounts, rules, students, deliveryLog, planner),
        ledger,
        gateway,
        deliveryLog,
        bindings,
        alerts,
        problems,
        tally,
        settings,
        random);
  }

  @Provides
  @Singleton
  PreviewOccurrenceUseCase preview(
      AccountDirectory accounts, RuleSource rules, StudentDirectory students, ReminderPlanner p) {
    return new PreviewOccurrenceService(accounts, rules, students, p);
  }

  @Provides
  @Singleton
  GetStatusUseCase status(QueueMonitor monitor, AccountDirectory accounts, StatusBoard board) {
    return new GetStatusService(monitor, accounts, board);
  }

  @Provides
  @Singleton
  ApplyReceiptUseCase receipts(DeliveryLog deliveryLog) {
    return new ApplyReceiptService(deliveryLog);
  }

  @Provides
  @Singleton
  CheckGatewayUseCase checkGateway(
      AccountDirectory accounts, WhatsAppGateway gateway, Alerts alerts) {
    return new CheckGatewayService(
        accounts, gateway, alerts, autoReconnect, CheckGatewayService.DOWN_ALERT_AFTER);
  }

  @Provides
  @Singleton
  WatchOutagesUseCase outages(Alerts alerts) {
    return new OutageWatch(alerts, OutageWatch.ALERT_AFTER);
  }

  @Provides
  @Singleton
  PublishHeartbeatUseCase heartbeat(
      AccountDirectory accounts,
      RuleSource rules,
      QueueMonitor queue,
      DailyTally tally,
      StatusBoard board,
      AccountProblems problems,
      OperatorHolds holds) {
    return new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds);
  }
}
