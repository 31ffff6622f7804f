package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gateway health check of SPEC §6 and §8. A closed session is restarted when auto-reconnect is
 * on; a session that needs a QR scan is never restarted in a loop (a human must scan) and is
 * alerted at once; any other down session is alerted once it has been down for {@code
 * downAlertAfter} (15 minutes). Remembers, per process, each session's last state and since when it
 * is down.
 */
public final class CheckGatewayService implements CheckGatewayUseCase {

  /** SPEC §8: a session down for longer than this is alerted. */
  public static final Duration DOWN_ALERT_AFTER = Duration.ofMinutes(15);

  private final AccountDirectory accounts;
  private final WhatsAppGateway gateway;
  private final Alerts alerts;
  private final boolean autoReconnect;
  private final Duration downAlertAfter;
  private final Map<String, SessionState> lastState = new HashMap<>();
  private final Map<String, Instant> downSince = new HashMap<>();

  public CheckGatewayService(
      AccountDirectory accounts,
      WhatsAppGateway gateway,
      Alerts alerts,
      boolean autoReconnect,
      Duration downAlertAfter) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.autoReconnect = autoReconnect;
    this.downAlertAfter =
        Objects.requireNonNull(downAlertAfter, "'downAlertAfter' must not be null");
  }

  @Override
  public synchronized GatewayReport checkGateway(CheckGatewayCommand command) {
    Instant now = command.now();
    Map<String, List<String>> accountsBySession = new TreeMap<>();
    for (AccountSettings account : accounts.enabledAccounts().accounts()) {
      accountsBySession
          .computeIfAbsent(account.automation().wppSession(), s -> new ArrayList<>())
          .add(account.uid());
    }
    List<SessionReport> reports = new ArrayList<>();
    accountsBySession.forEach((session, uids) -> reports.add(checkSession(session, uids, now)));
    return new GatewayReport(reports);
  }

  private SessionReport checkSession(String session, List<String> uids, Instant now) {
    SessionState state = gateway.sessionState(session);
    boolean restart = autoReconnect && state == SessionState.CLOSED;
    if (restart) {
      state = gateway.startSession(session);
    }
    SessionState previous = lastState.put(session, state);
    boolean changed = previous != null && previous != state;
    if (state.canSend()) {
      downSince.remove(session);
      return new SessionReport(session, uids, state, now, Optional.empty(), changed, restart);
    }
    Instant since = downSince.computeIfAbsent(session, s -> now);
    if (state == SessionState.NEEDS_SCAN) {
      alertEach(
          uids,
          "SESSION_NEEDS_SCAN",
          "WhatsApp session '"
              + session
              + "' needs a QR scan on the wppconnect-server; messages are held until then",
          now);
    } else if (!now.isBefore(since.plus(downAlertAfter))) {
      alertEach(
          uids,
          "SESSION_DOWN",
          "WhatsApp session '"
              + session
              + "' has been "
              + state
              + " since "
              + since
              + "; messages are held",
          now);
    }
    return new SessionReport(session, uids, state, now, Optional.of(since), changed, restart);
  }

  private void alertEach(List<String> uids, String event, String text, Instant now) {
    for (String uid : uids) {
      alerts.raise(new Alert(Alert.Level.CRITICAL, event, uid, text, now));
    }
  }
}
