package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the WhatsApp session of every enabled account (SPEC §6): restarts a closed session when
 * auto-reconnect is on, alerts when a session needs a QR scan or has been down too long, and
 * reports each session's state and whether it changed since the last check.
 */
public interface CheckGatewayUseCase {

  GatewayReport checkGateway(CheckGatewayCommand command);

  /**
   * Check at {@code now} the sessions of {@code accounts}, a scan of the enabled accounts the
   * caller already has (empty: the check scans them itself).
   */
  record CheckGatewayCommand(Instant now, Optional<AccountScan> accounts) {
    public CheckGatewayCommand {
      Objects.requireNonNull(now, "'now' must not be null");
      Objects.requireNonNull(accounts, "'accounts' must not be null");
    }

    /** Scans the accounts itself. */
    public CheckGatewayCommand(Instant now) {
      this(now, Optional.empty());
    }
  }

  /** One entry per session. */
  record GatewayReport(List<SessionReport> sessions) {
    public GatewayReport {
      sessions = List.copyOf(sessions);
    }

    /** Every session can send. */
    public boolean allConnected() {
      return sessions.stream().allMatch(s -> s.state().canSend());
    }
  }

  /** A session's state at the check, since when it has been down, and whether it changed. */
  record SessionReport(
      String session,
      List<String> accounts,
      SessionState state,
      Instant checkedAt,
      Optional<Instant> downSince,
      boolean changed,
      boolean restartRequested) {
    public SessionReport {
      Objects.requireNonNull(session, "'session' must not be null");
      accounts = List.copyOf(accounts);
      Objects.requireNonNull(state, "'state' must not be null");
      Objects.requireNonNull(checkedAt, "'checkedAt' must not be null");
      Objects.requireNonNull(downSince, "'downSince' must not be null");
    }
  }
}
