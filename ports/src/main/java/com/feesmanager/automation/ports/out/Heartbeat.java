package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status document of an account (SPEC §1.5 {@code automation/status}), with the account's
 * {@code problems} (SPEC §8): why something of it does not run; and the session's QR code while it
 * waits for a scan ({@code wppconnect.qr}).
 */
public record Heartbeat(
    Instant heartbeatAt,
    String instance,
    String version,
    SessionState gatewayStatus,
    Instant gatewayCheckedAt,
    QueueCounts queue,
    DayCounts today,
    List<NextRun> nextRuns,
    List<AccountProblem> problems,
    Optional<PairingQr> qr) {

  public Heartbeat {
    Objects.requireNonNull(heartbeatAt, "'heartbeatAt' must not be null");
    Objects.requireNonNull(instance, "'instance' must not be null");
    Objects.requireNonNull(version, "'version' must not be null");
    Objects.requireNonNull(gatewayStatus, "'gatewayStatus' must not be null");
    Objects.requireNonNull(gatewayCheckedAt, "'gatewayCheckedAt' must not be null");
    Objects.requireNonNull(queue, "'queue' must not be null");
    Objects.requireNonNull(today, "'today' must not be null");
    nextRuns = List.copyOf(nextRuns);
    problems = List.copyOf(problems);
    Objects.requireNonNull(qr, "'qr' must not be null");
  }

  /** A heartbeat without a QR code (the session waits for no scan). */
  public Heartbeat(
      Instant heartbeatAt,
      String instance,
      String version,
      SessionState gatewayStatus,
      Instant gatewayCheckedAt,
      QueueCounts queue,
      DayCounts today,
      List<NextRun> nextRuns,
      List<AccountProblem> problems) {
    this(
        heartbeatAt,
        instance,
        version,
        gatewayStatus,
        gatewayCheckedAt,
        queue,
        today,
        nextRuns,
        problems,
        Optional.empty());
  }

  /** Today's (local day) message counts. */
  public record DayCounts(long sent, long failed, long skipped) {}

  /** When a rule fires next. */
  public record NextRun(String ruleId, Instant at) {
    public NextRun {
      Objects.requireNonNull(ruleId, "'ruleId' must not be null");
      Objects.requireNonNull(at, "'at' must not be null");
    }
  }
}
