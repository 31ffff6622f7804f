package com.feesmanager.automation.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /status}: the total queue, the queue of each session, and each account's heartbeat in
 * the shape of SPEC §1.5's {@code automation/status} document.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusJson(
    QueueJson queue, Map<String, QueueJson> sessions, Map<String, HeartbeatJson> accounts) {

  /** Also the body of the CLI's {@code status --json} (one shape for both). */
  public static StatusJson of(StatusReport report) {
    Map<String, QueueJson> sessions = new TreeMap<>();
    report.queues().forEach((session, counts) -> sessions.put(session, QueueJson.of(counts)));
    Map<String, HeartbeatJson> accounts = new TreeMap<>();
    report.heartbeats().forEach((uid, heartbeat) -> accounts.put(uid, HeartbeatJson.of(heartbeat)));
    return new StatusJson(QueueJson.of(report.total()), sessions, accounts);
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record QueueJson(long ready, long delayed, long inFlight, long dead) {
    public static QueueJson of(QueueCounts counts) {
      return new QueueJson(counts.ready(), counts.delayed(), counts.inFlight(), counts.dead());
    }
  }

  /** {@code {heartbeatAt, instance, version, wppconnect, queue, today, nextRuns, problems}}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record HeartbeatJson(
      String heartbeatAt,
      String instance,
      String version,
      GatewayJson wppconnect,
      QueueJson queue,
      TodayJson today,
      List<NextRunJson> nextRuns,
      List<ProblemJson> problems) {
    static HeartbeatJson of(Heartbeat heartbeat) {
      return new HeartbeatJson(
          heartbeat.heartbeatAt().toString(),
          heartbeat.instance(),
          heartbeat.version(),
          new GatewayJson(
              heartbeat.gatewayStatus().name(),
              heartbeat.gatewayCheckedAt().toString(),
              heartbeat
                  .qr()
                  .map(qr -> new QrJson(qr.dataUrl(), qr.expiresAt().toString()))
                  .orElse(null)),
          QueueJson.of(heartbeat.queue()),
          new TodayJson(
              heartbeat.today().sent(), heartbeat.today().failed(), heartbeat.today().skipped()),
          heartbeat.nextRuns().stream()
              .map(run -> new NextRunJson(run.ruleId(), run.at().toString()))
              .toList(),
          heartbeat.problems().stream().map(ProblemJson::of).toList());
    }
  }

  /** {@code qr} only while the session waits for a scan (SPEC §8). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GatewayJson(String status, String checkedAt, QrJson qr) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record QrJson(String dataUrl, String expiresAt) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TodayJson(long sent, long failed, long skipped) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record NextRunJson(String ruleId, String at) {}

  /** SPEC §8 {@code {code, ruleId?, studentId?, message, since}}: absent ids are left out. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProblemJson(
      String code, String ruleId, String studentId, String message, String since) {
    static ProblemJson of(AccountProblem problem) {
      return new ProblemJson(
          problem.code(),
          problem.ruleId().orElse(null),
          problem.studentId().orElse(null),
          problem.message(),
          problem.since().toString());
    }
  }
}
