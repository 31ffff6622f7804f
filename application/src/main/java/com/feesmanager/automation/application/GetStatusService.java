package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.StatusBoard;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Queue counts of every session with work or an enabled account, and each last heartbeat. */
public final class GetStatusService implements GetStatusUseCase {

  private final QueueMonitor monitor;
  private final AccountDirectory accounts;
  private final StatusBoard statusBoard;

  public GetStatusService(
      QueueMonitor monitor, AccountDirectory accounts, StatusBoard statusBoard) {
    this.monitor = Objects.requireNonNull(monitor, "'monitor' must not be null");
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.statusBoard = Objects.requireNonNull(statusBoard, "'statusBoard' must not be null");
  }

  @Override
  public StatusReport status(StatusQuery query) {
    Map<String, QueueCounts> queues = new TreeMap<>();
    Map<String, Heartbeat> heartbeats = new TreeMap<>();
    for (AccountSettings account : accounts.enabledAccounts().accounts()) {
      String session = account.automation().wppSession();
      queues.put(session, monitor.counts(session, query.now()));
      Optional<Heartbeat> last = statusBoard.last(account.uid());
      last.ifPresent(h -> heartbeats.put(account.uid(), h));
    }
    for (String session : monitor.sessions()) {
      queues.computeIfAbsent(session, s -> monitor.counts(s, query.now()));
    }
    return new StatusReport(queues, heartbeats);
  }
}
