package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.PublishHeartbeatCommand;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.Injector;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The heartbeat a {@link Tick} writes at its end (SPEC §8: cron-only deployments have one too),
 * with each session's state (and its QR code while it waits for a scan) asked of the gateway once.
 */
final class TickHeartbeat {

  /** The jar's version (its manifest), as the daemon writes it. */
  static final String VERSION =
      Optional.ofNullable(TickHeartbeat.class.getPackage().getImplementationVersion())
          .orElse("0.1.0-SNAPSHOT");

  private TickHeartbeat() {}

  /**
   * Writes the heartbeat of every enabled account of {@code accounts}, the tick's scan (empty when
   * it failed: the accounts are read again here, once), with the next runs of {@code ruleBooks},
   * the rule books the tick's firing read (an account missing from them is read again); returns the
   * uids written.
   */
  static List<String> publish(
      Injector injector,
      Optional<AccountScan> accounts,
      Map<String, RuleBook> ruleBooks,
      Clock clock) {
    WhatsAppGateway gateway = injector.getInstance(WhatsAppGateway.class);
    AccountScan scan =
        accounts.orElseGet(() -> injector.getInstance(AccountDirectory.class).enabledAccounts());
    Map<String, GatewayState> states = new HashMap<>();
    for (AccountSettings account : scan.accounts()) {
      states.computeIfAbsent(
          account.automation().wppSession(),
          session ->
              new GatewayState(
                  stateOf(gateway, session), clock.instant(), gateway.pairingQr(session)));
    }
    return injector
        .getInstance(PublishHeartbeatUseCase.class)
        .publishHeartbeats(
            new PublishHeartbeatCommand(
                clock.instant(), instance(), VERSION, states, Optional.of(scan), ruleBooks));
  }

  private static SessionState stateOf(WhatsAppGateway gateway, String session) {
    try {
      return gateway.sessionState(session);
    } catch (RuntimeException e) {
      return SessionState.UNREACHABLE; // the heartbeat says so rather than going missing
    }
  }

  /** Which tick wrote it: the process (pid@host), as the daemon names itself. */
  private static String instance() {
    return "tick-" + ManagementFactory.getRuntimeMXBean().getName();
  }
}
