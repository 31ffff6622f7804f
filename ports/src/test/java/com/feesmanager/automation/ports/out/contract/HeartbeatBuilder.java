package com.feesmanager.automation.ports.out.contract;

import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test data: a {@link Heartbeat} of a running daemon. */
public final class HeartbeatBuilder {

  private Instant heartbeatAt = Instant.parse("2026-11-10T05:00:00Z");
  private String instance = "daemon-1";
  private String version = "0.1.0";
  private SessionState gatewayStatus = SessionState.CONNECTED;
  private QueueCounts queue = new QueueCounts(4, 2, 1, 0);
  private Heartbeat.DayCounts today = new Heartbeat.DayCounts(12, 1, 3);
  private List<Heartbeat.NextRun> nextRuns =
      List.of(new Heartbeat.NextRun("overdue-daily", Instant.parse("2026-11-11T05:00:00Z")));

  private List<AccountProblem> problems =
      List.of(
          new AccountProblem(
              "RULE_INVALID",
              Optional.of("weekly-broken"),
              Optional.empty(),
              "Rule 'Weekly' is invalid: schedule.time: must be a time HH:mm (24 h)",
              Instant.parse("2026-11-10T04:00:00Z")));

  private Optional<PairingQr> qr = Optional.empty();

  private HeartbeatBuilder() {}

  public static HeartbeatBuilder aHeartbeat() {
    return new HeartbeatBuilder();
  }

  public HeartbeatBuilder at(Instant value) {
    this.heartbeatAt = value;
    return this;
  }

  public HeartbeatBuilder fromInstance(String value) {
    this.instance = value;
    return this;
  }

  public HeartbeatBuilder withGateway(SessionState value) {
    this.gatewayStatus = value;
    return this;
  }

  public HeartbeatBuilder withQueue(QueueCounts value) {
    this.queue = value;
    return this;
  }

  public HeartbeatBuilder withToday(long sent, long failed, long skipped) {
    this.today = new Heartbeat.DayCounts(sent, failed, skipped);
    return this;
  }

  public HeartbeatBuilder withNextRuns(List<Heartbeat.NextRun> value) {
    this.nextRuns = value;
    return this;
  }

  public HeartbeatBuilder withProblems(List<AccountProblem> value) {
    this.problems = value;
    return this;
  }

  public HeartbeatBuilder withQr(PairingQr value) {
    this.qr = Optional.of(value);
    return this;
  }

  public Heartbeat build() {
    return new Heartbeat(
        heartbeatAt,
        instance,
        version,
        gatewayStatus,
        heartbeatAt,
        queue,
        today,
        nextRuns,
        problems,
        qr);
  }
}
