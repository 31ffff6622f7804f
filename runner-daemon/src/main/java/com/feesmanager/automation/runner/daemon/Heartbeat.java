package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.PublishHeartbeatCommand;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/** The minute's heartbeats (SPEC §8): this instance, its version and the sessions' states. */
final class Heartbeat implements Runnable {

  private final PublishHeartbeatUseCase heartbeats;
  private final BooleanSupplier awaitNewSessions;
  private final Supplier<Map<String, GatewayState>> gatewayStates;
  private final Clock clock;
  private final String instance;
  private final Function<String, Optional<String>> qrCodes;
  private final Supplier<Optional<AccountScan>> minuteScan;
  private final Supplier<Map<String, RuleBook>> minuteRuleBooks;

  /**
   * @param qrCodes the QR code a session last showed (the gateway's {@code pairingQr})
   * @param awaitNewSessions waits briefly for the gateway check of new sessions; false when
   *     interrupted (no heartbeat then)
   * @param minuteScan the minute check's scan of the enabled accounts, so that the heartbeats need
   *     no query of their own (empty: they scan for themselves)
   * @param minuteRuleBooks the rule books the minute check's firing read, by uid, so that the next
   *     runs need no read of their own (an account missing from them is read)
   */
  Heartbeat(
      PublishHeartbeatUseCase heartbeats,
      BooleanSupplier awaitNewSessions,
      Supplier<Map<String, GatewayState>> gatewayStates,
      Clock clock,
      String instance,
      Function<String, Optional<String>> qrCodes,
      Supplier<Optional<AccountScan>> minuteScan,
      Supplier<Map<String, RuleBook>> minuteRuleBooks) {
    this.heartbeats = Objects.requireNonNull(heartbeats, "'heartbeats' must not be null");
    this.awaitNewSessions = Objects.requireNonNull(awaitNewSessions, "'awaitNewSessions' is null");
    this.gatewayStates = Objects.requireNonNull(gatewayStates, "'gatewayStates' is null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.instance = Objects.requireNonNull(instance, "'instance' must not be null");
    this.qrCodes = Objects.requireNonNull(qrCodes, "'qrCodes' must not be null");
    this.minuteScan = Objects.requireNonNull(minuteScan, "'minuteScan' must not be null");
    this.minuteRuleBooks = Objects.requireNonNull(minuteRuleBooks, "'minuteRuleBooks' is null");
  }

  @Override
  public void run() {
    if (!awaitNewSessions.getAsBoolean()) {
      return;
    }
    heartbeats.publishHeartbeats(
        new PublishHeartbeatCommand(
            clock.instant(),
            instance,
            Version.VALUE,
            withQrCodes(gatewayStates.get()),
            minuteScan.get(),
            minuteRuleBooks.get()));
  }

  /**
   * Each session waiting for a scan with the QR code the gateway last saw (no I/O: kept fresh by
   * the health checks and by the webhook's qrcode events, which trigger one).
   */
  private Map<String, GatewayState> withQrCodes(Map<String, GatewayState> states) {
    Map<String, GatewayState> withQr = new HashMap<>(states);
    states.forEach(
        (session, state) -> {
          if (state.state() == SessionState.NEEDS_SCAN) {
            withQr.put(
                session,
                new GatewayState(state.state(), state.checkedAt(), qrCodes.apply(session)));
          }
        });
    return Map.copyOf(withQr);
  }
}
