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
 * time to be checked at once (not at the next WPP_HEALTH_INTERVAL). When the accounts cannot be
 * read, the queued sessions still get their workers.
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
    AccountScan enabled;
    try {
      enabled = scan.orElseGet(accounts::enabledAccounts);
    } catch (RuntimeException e) {
      // the accounts cannot be read (a restart's first Firestore read timed out): the queued
      // sessions still get their workers now rather than at the next minute check. Nothing goes
      // out blindly: each message's account is read before it is sent, and held while it cannot.
      // Metric labels and gateway states are left as they are; the failure is still reported.
      TaskGuard.guarded(
          "listing the queued sessions", () -> queues.sessions().forEach(this::startGuarded));
      throw e;
    }
    Set<String> accountSessions = new TreeSet<>();
    Set<String> uids = new TreeSet<>();
    for (AccountSettings account : enabled.accounts()) {
      accountSessions.add(account.automation().wppSession());
      uids.add(account.uid());
    }
    Set<String> sessions = new TreeSet<>(accountSessions);
    TaskGuard.guarded("listing the queued sessions", () -> sessions.addAll(queues.sessions()));
    sessions.forEach(this::startGuarded);
    // metric labels follow what is served: enabled accounts, sessions with an account or a queue
    metrics.retain(uids, sessions);
    if (!gatewayKnowsOnly.test(accountSessions)) {
      checkNewSessions.run();
    }
  }

  private void startGuarded(String session) {
    TaskGuard.guarded("the worker of session " + session, () -> startWorker.accept(session));
  }
}
