package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starts a worker for every session with an enabled account or a queue, each on its own; forgets
 * the gateway state of sessions no enabled account uses any more; sends sessions seen for the first
 * time to be checked at once (not at the next WPP_HEALTH_INTERVAL).
 */
final class WorkerUpkeep implements Consumer<Optional<AccountScan>> {

  private final AccountDirectory accounts;
  private final QueueMonitor queues;
  private final Consumer<String> startWorker;
  private final DaemonMetrics metrics;
  private final Predicate<Set<String>> gatewayKnowsOnly;
  private final Runnable checkNewSessions;

  /**
   * @param gatewayKnowsOnly keeps the gateway states of these sessions only; true when it knows
   *     each of them
   */
  WorkerUpkeep(
      AccountDirectory accounts,
      QueueMonitor queues,
      Consumer<String> startWorker,
      DaemonMetrics metrics,
      Predicate<Set<String>> gatewayKnowsOnly,
      Runnable checkNewSessions) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.queues = Objects.requireNonNull(queues, "'queues' must not be null");
    this.startWorker = Objects.requireNonNull(startWorker, "'startWorker' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    this.gatewayKnowsOnly = Objects.requireNonNull(gatewayKnowsOnly, "'gatewayKnowsOnly' is null");
    this.checkNewSessions = Objects.requireNonNull(checkNewSessions, "'checkNewSessions' is null");
  }

  /** Upkeep for the accounts of {@code scan}, the minute's scan (empty: it scans them itself). */
  @Override
  public void accept(Optional<AccountScan> scan) {
    Set<String> accountSessions = new TreeSet<>();
    Set<String> uids = new TreeSet<>();
    for (AccountSettings account : scan.orElseGet(accounts::enabledAccounts).accounts()) {
      accountSessions.add(account.automation().wppSession());
      uids.add(account.uid());
    }
    Set<String> sessions = new TreeSet<>(accountSessions);
    TaskGuard.guarded("listing the queued sessions", () -> sessions.addAll(queues.sessions()));
    for (String session : sessions) {
      TaskGuard.guarded("the worker of session " + session, () -> startWorker.accept(session));
    }
    // metric labels follow what is served: enabled accounts, sessions with an account or a queue
    metrics.retain(uids, sessions);
    if (!gatewayKnowsOnly.test(accountSessions)) {
      checkNewSessions.run();
    }
  }
}
