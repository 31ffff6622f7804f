package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.ConnectionCheck;
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
 * downAlertAfter} (15 minutes). A session that reports CONNECTED while its browser cannot send (a
 * crash the state does not show) is closed and started again and alerted {@code SESSION_RESTARTED},
 * at most once per {@link #RESTART_BACKOFF}. Remembers, per process, each session's last state,
 * since when it is down and when it was last restarted.
 */
public final class CheckGatewayService implements CheckGatewayUseCase {

  /** SPEC §8: a session down for longer than this is alerted. */
  public static final Duration DOWN_ALERT_AFTER = Duration.ofMinutes(15);

  /**
   * A crashed session is restarted at most once in this time: a restart that does not heal it
   * (WhatsApp Web itself failing) must not become a close/start loop; it is alerted as down.
   */
  public static final Duration RESTART_BACKOFF = Duration.ofMinutes(5);

  private final AccountDirectory accounts;
  private final WhatsAppGateway gateway;
  private final Alerts alerts;
  private final boolean autoReconnect;
  private final Duration downAlertAfter;
  private final Map<String, SessionState> lastState = new HashMap<>();
  private final Map<String, Instant> downSince = new HashMap<>();
  private final Map<String, Instant> lastRestart = new HashMap<>();

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
    AccountScan scan = command.accounts().orElseGet(accounts::enabledAccounts);
    for (AccountSettings account : scan.accounts()) {
      accountsBySession
          .computeIfAbsent(account.automation().wppSession(), s -> new ArrayList<>())
          .add(account.uid());
    }
    // what is remembered of a session no enabled account uses any more is forgotten (bounded
    // memory)
    lastState.keySet().retainAll(accountsBySession.keySet());
    downSince.keySet().retainAll(accountsBySession.keySet());
    lastRestart.keySet().retainAll(accountsBySession.keySet());
    List<SessionReport> reports = new ArrayList<>();
    accountsBySession.forEach((session, uids) -> reports.add(checkSession(session, uids, now)));
    return new GatewayReport(reports);
  }

  private SessionReport checkSession(String session, List<String> uids, Instant now) {
    SessionState state = gateway.sessionState(session);
    boolean restart = autoReconnect && state == SessionState.CLOSED;
    if (restart) {
      state = gateway.startSession(session);
    } else if (state == SessionState.CONNECTED
        && gateway.checkConnection(session) == ConnectionCheck.DEAD) {
      restart = autoReconnect && restartDue(session, now);
      state = restart ? restartCrashed(session, uids, now) : SessionState.CLOSED;
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

  private boolean restartDue(String session, Instant now) {
    Instant last = lastRestart.get(session);
    return last == null || !now.isBefore(last.plus(RESTART_BACKOFF));
  }

  /** close-session then start-session: a running session ignores start-session (wppconnect.md). */
  private SessionState restartCrashed(String session, List<String> uids, Instant now) {
    lastRestart.put(session, now);
    boolean closed = gateway.closeSession(session);
    SessionState state = gateway.startSession(session);
    alertEach(
        uids,
        Alert.Level.WARNING,
        "SESSION_RESTARTED",
        "WhatsApp session '"
            + session
            + "' reported CONNECTED but could not send (crashed browser); it was "
            + (closed ? "closed and started again" : "started again (close-session failed)")
            + "; held messages go out once it is connected",
        now);
    return state.canSend() ? state : SessionState.STARTING;
  }

  private void alertEach(List<String> uids, String event, String text, Instant now) {
    alertEach(uids, Alert.Level.CRITICAL, event, text, now);
  }

  private void alertEach(
      List<String> uids, Alert.Level level, String event, String text, Instant now) {
    for (String uid : uids) {
      alerts.raise(new Alert(level, event, uid, text, now));
    }
  }
}
