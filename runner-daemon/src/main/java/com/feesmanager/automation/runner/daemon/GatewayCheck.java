package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.CheckGatewayCommand;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every session's gateway state (SPEC §6) and keeps the last state of each for the
 * heartbeats; a session that changed state is one warning line.
 */
final class GatewayCheck implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final CheckGatewayUseCase gateway;
  private final DaemonMetrics metrics;
  private final Clock clock;
  private final BooleanSupplier stopping;
  private final Supplier<Optional<AccountScan>> handedScan;
  private final Map<String, GatewayState> states = new ConcurrentHashMap<>();

  GatewayCheck(
      CheckGatewayUseCase gateway, DaemonMetrics metrics, Clock clock, BooleanSupplier stopping) {
    this(gateway, metrics, clock, stopping, Optional::empty);
  }

  /**
   * @param handedScan the minute check's scan of the accounts, when it has one this check may use
   *     (empty: the check scans them itself)
   */
  GatewayCheck(
      CheckGatewayUseCase gateway,
      DaemonMetrics metrics,
      Clock clock,
      BooleanSupplier stopping,
      Supplier<Optional<AccountScan>> handedScan) {
    this.handedScan = Objects.requireNonNull(handedScan, "'handedScan' must not be null");
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.stopping = Objects.requireNonNull(stopping, "'stopping' must not be null");
  }

  @Override
  public void run() {
    if (stopping.getAsBoolean()) {
      return;
    }
    TaskGuard.probed("gateway check", this::check);
  }

  private void check() {
    GatewayReport report =
        gateway.checkGateway(new CheckGatewayCommand(clock.instant(), handedScan.get()));
    metrics.recordGateway(report);
    report
        .sessions()
        .forEach(
            s -> {
              states.put(s.session(), new GatewayState(s.state(), s.checkedAt()));
              if (s.changed()) {
                LOG.warn("WhatsApp session {} is now {}", s.session(), s.state());
              }
            });
  }

  /** The last known state of each session. */
  Map<String, GatewayState> states() {
    return Map.copyOf(states);
  }

  /** Forgets sessions outside {@code sessions}; true when every one of them has a state. */
  boolean keepOnly(Set<String> sessions) {
    states.keySet().retainAll(sessions);
    return states.keySet().containsAll(sessions);
  }
}
