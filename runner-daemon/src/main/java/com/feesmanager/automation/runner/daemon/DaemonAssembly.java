package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.adapters.http.HttpSettings;
import com.feesmanager.automation.adapters.http.HttpSurface;
import com.feesmanager.automation.adapters.http.OperatorConsole;
import com.feesmanager.automation.adapters.http.ReadinessCheck;
import com.feesmanager.automation.adapters.http.WebhookEvents;
import com.feesmanager.automation.adapters.wppconnect.MalformedWebhookEvent;
import com.feesmanager.automation.adapters.wppconnect.WppConnectWebhookParser;
import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.bootstrap.RedisPersistenceCheck;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.Secret;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.WarmCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.WatchOutagesUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Builds the {@link Daemon} and its tasks from the wired process: the one place that reads the
 * injector, so each task gets only the use cases and ports it needs.
 */
public final class DaemonAssembly {

  /** Sessions delivered at once; more wait for a free worker. */
  static final int MAX_SESSION_WORKERS = 8;

  /** A busy session hands its worker over after this long when other sessions wait for one. */
  static final Duration SESSION_SLICE = Duration.ofSeconds(30);

  /** How long a store probe (readiness, outage alerts) waits for Firestore. */
  private static final Duration STORE_PROBE_TIMEOUT = Duration.ofSeconds(3);

  private DaemonAssembly() {}

  public static Daemon daemon(
      Injector injector,
      AutomationConfig config,
      ServerClients clients,
      Clock clock,
      String instance,
      DaemonMetrics metrics) {
    AtomicBoolean stopping = new AtomicBoolean();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scheduler"));
    WakeUps wakeUps = new WakeUps(clock, stopping::get);
    SessionLeases leases = injector.getInstance(SessionLeases.class);
    DeliverMessagesUseCase deliveries = injector.getInstance(DeliverMessagesUseCase.class);
    ProcessOwners owners = ProcessOwners.local();
    SessionTurns workers =
        new SessionTurns(
            MAX_SESSION_WORKERS,
            SESSION_SLICE,
            clock,
            new SessionDelivery(
                owners.owner(instance),
                deliveries,
                leases,
                new LeaseTakeover(
                    leases,
                    injector.getInstance(MessageQueue.class),
                    owners::ended,
                    AutomationSettings.sendGraceFor(config.wppconnect().timeout())),
                clock,
                wakeUps,
                config.visibilityTimeout(),
                metrics,
                stopping::get));
    AccountDirectory accounts = injector.getInstance(AccountDirectory.class);
    AccountScans scans = new AccountScans(accounts);
    MinuteRuleBooks ruleBooks = new MinuteRuleBooks();
    GatewayCheck gatewayCheck =
        new GatewayCheck(
            injector.getInstance(CheckGatewayUseCase.class),
            metrics,
            clock,
            stopping::get,
            scans::takeForGateway);
    GatewaySchedule gatewayChecks =
        new GatewaySchedule(gatewayCheck, config.wppconnect().healthInterval());
    MinuteCheck minuteCheck =
        new MinuteCheck(
            scans::scan,
            ruleBooks.handedOnFrom(injector.getInstance(FireDueOccurrencesUseCase.class)),
            injector.getInstance(ApplyReceiptUseCase.class),
            new WorkerUpkeep(
                accounts,
                injector.getInstance(QueueMonitor.class),
                workers::offer,
                metrics,
                gatewayCheck::keepOnly,
                gatewayChecks::checkNewSessions),
            scan ->
                deliveries.warm(
                    new WarmCommand(
                        scan.accounts().stream()
                            .map(a -> a.automation().wppSession())
                            .collect(Collectors.toSet()),
                        clock.instant())),
            new Heartbeat(
                injector.getInstance(PublishHeartbeatUseCase.class),
                gatewayChecks::awaitNewSessions,
                gatewayCheck::states,
                clock,
                instance,
                injector.getInstance(WhatsAppGateway.class)::pairingQr,
                scans::latest,
                ruleBooks::take),
            new StoreWatch(
                injector.getInstance(WatchOutagesUseCase.class),
                () -> clients.redis().isReachable(),
                () -> clients.firestore().isReachable(STORE_PROBE_TIMEOUT),
                clock),
            wakeUps::wake,
            metrics,
            clock);
    GetStatusUseCase status = injector.getInstance(GetStatusUseCase.class);
    Runnable preflight =
        () -> {
          RedisPersistenceCheck.run(
              clients.redis(), injector.getInstance(AccountProblems.class), clock.instant());
          metrics.watchQueues(() -> status.status(new StatusQuery(clock.instant())).queues());
        };
    HttpSurface http =
        new HttpSurface(
            new HttpSettings(
                config.httpBind(),
                config.httpPort(),
                config.wppconnect().webhookSecret().map(Secret::reveal),
                config.httpAccess().consoleToken().map(Secret::reveal),
                config.httpAccess().metricsToken().map(Secret::reveal)),
            metrics,
            readiness(clients, accounts, config.wppconnect().defaultSession()),
            Duration.ofSeconds(5),
            () -> status.status(new StatusQuery(clock.instant())),
            injector.getInstance(ApplyReceiptUseCase.class),
            new SessionReports(scheduler, gatewayCheck, stopping::get),
            clock,
            wppconnectEvents(),
            Optional.of(console(injector, clients, clock)));
    return new Daemon(
        new Daemon.Parts(
            stopping,
            preflight,
            scheduler,
            new MinuteSchedule(
                scheduler, minuteCheck, config.scheduling().checkInterval(), clock, stopping::get),
            gatewayChecks,
            workers,
            wakeUps,
            http),
        instance,
        config.httpBind());
  }

  /** What the operator console reads and does (served only when CONSOLE_TOKEN is set). */
  private static OperatorConsole console(Injector injector, ServerClients clients, Clock clock) {
    return new OperatorConsole(
        injector.getInstance(AccountDirectory.class),
        injector.getInstance(GetStatusUseCase.class),
        injector.getInstance(DeliveryLog.class),
        injector.getInstance(QueueMonitor.class),
        injector.getInstance(OperatorHolds.class),
        injector.getInstance(PreviewOccurrenceUseCase.class),
        session -> clients.gateway().qrCode(session),
        clock);
  }

  /** The webhook bodies wppconnect-server posts, read by its adapter's parser. */
  private static WebhookEvents wppconnectEvents() {
    WppConnectWebhookParser parser = new WppConnectWebhookParser();
    return body -> {
      try {
        return parser.parse(body);
      } catch (MalformedWebhookEvent e) {
        throw new WebhookEvents.Malformed(e.getMessage());
      }
    };
  }

  /** {@code /health/ready}: Redis, Firestore (a live query, past the outage cache), the gateway. */
  private static List<ReadinessCheck.Named> readiness(
      ServerClients clients, AccountDirectory accounts, String defaultSession) {
    return List.of(
        ReadinessCheck.named(
            "redis",
            () ->
                clients.redis().isReachable()
                    ? ReadinessCheck.Result.up("PING")
                    : ReadinessCheck.Result.down("no answer")),
        ReadinessCheck.named(
            "firestore",
            () ->
                clients.firestore().isReachable(STORE_PROBE_TIMEOUT)
                    ? ReadinessCheck.Result.up(
                        accounts.enabledAccounts().accounts().size() + " enabled account(s)")
                    : ReadinessCheck.Result.down("no answer")),
        ReadinessCheck.named(
            "gateway",
            () -> {
              // a probe: readiness must not open or close the send breaker (no side effects)
              SessionState state = clients.gateway().probeSessionState(defaultSession);
              return state == SessionState.UNREACHABLE
                  ? ReadinessCheck.Result.down("wppconnect-server unreachable")
                  : ReadinessCheck.Result.up("session " + state);
            }));
  }
}
