package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.adapters.firestore.FirestoreValues.toInstant;
import static com.feesmanager.automation.adapters.firestore.FirestoreValues.toTimestamp;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.SessionState;
import com.google.cloud.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents the backend writes (SPEC §1.5) to and from Firestore maps. Instants are stored as
 * Timestamps (microsecond precision); an absent optional is an absent field.
 */
final class WrittenDocuments {

  private WrittenDocuments() {}

  // --- messageLogs/{key} ----------------------------------------------------------------------

  /** The fields of a new log; absent optionals are left out. */
  static Map<String, Object> logFields(MessageLog log) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("ruleId", log.ruleId());
    doc.put("ruleName", log.ruleName());
    doc.put("occurrence", log.occurrence());
    doc.put("studentId", log.studentId());
    doc.put("studentName", log.studentName());
    log.to().ifPresent(to -> doc.put("to", to));
    doc.put("body", log.body());
    doc.put("status", log.status().name());
    log.reason().ifPresent(reason -> doc.put("reason", reason));
    doc.put("attempts", (long) log.attempts());
    log.queuedAt().ifPresent(at -> doc.put("queuedAt", toTimestamp(at)));
    log.sentAt().ifPresent(at -> doc.put("sentAt", toTimestamp(at)));
    log.deliveredAt().ifPresent(at -> doc.put("deliveredAt", toTimestamp(at)));
    log.readAt().ifPresent(at -> doc.put("readAt", toTimestamp(at)));
    doc.put("updatedAt", toTimestamp(log.updatedAt()));
    log.providerMessageId().ifPresent(id -> doc.put("providerMessageId", id));
    return doc;
  }

  /**
   * Every field of a log, the update mask replacing an existing log's: a field in it that {@link
   * #logFields} leaves out (an absent optional) is deleted. Other fields of the document (written
   * by someone else) are kept.
   */
  static final List<String> LOG_MASK =
      List.of(
          "ruleId",
          "ruleName",
          "occurrence",
          "studentId",
          "studentName",
          "to",
          "body",
          "status",
          "reason",
          "attempts",
          "queuedAt",
          "sentAt",
          "deliveredAt",
          "readAt",
          "updatedAt",
          "providerMessageId");

  /** The status of a stored log; empty when the field is missing or not a status. */
  static Optional<MessageStatus> status(RestFirestore.Document stored) {
    Object value = stored.data().get("status");
    if (value instanceof String text) {
      try {
        return Optional.of(MessageStatus.valueOf(text));
      } catch (IllegalArgumentException unknown) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static MessageLog log(String uid, RestFirestore.Document stored) {
    Map<String, Object> snapshot = stored.data();
    return new MessageLog(
        uid,
        new MessageKey(stored.id()),
        text(snapshot, "ruleId"),
        text(snapshot, "ruleName"),
        text(snapshot, "occurrence"),
        text(snapshot, "studentId"),
        text(snapshot, "studentName"),
        optionalText(snapshot, "to"),
        text(snapshot, "body"),
        status(stored).orElse(MessageStatus.QUEUED),
        optionalText(snapshot, "reason"),
        (int) number(snapshot, "attempts"),
        instant(snapshot, "queuedAt"),
        instant(snapshot, "sentAt"),
        instant(snapshot, "deliveredAt"),
        instant(snapshot, "readAt"),
        instant(snapshot, "updatedAt").orElse(Instant.EPOCH),
        optionalText(snapshot, "providerMessageId"));
  }

  // --- automationRuns/{ruleId}_{occurrence} ---------------------------------------------------

  static Map<String, Object> runFields(RunSummary summary) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("ruleId", summary.ruleId());
    doc.put("occurrence", summary.occurrence());
    doc.put("firedAt", toTimestamp(summary.firedAt()));
    doc.put("matched", (long) summary.matched());
    doc.put("queued", (long) summary.queued());
    doc.put("skipped", (long) summary.skipped());
    // SPEC §1.5 lists error in every summary: null when the run went well.
    doc.put("error", summary.error().orElse(null));
    return doc;
  }

  static RunSummary run(String uid, RestFirestore.Document stored) {
    Map<String, Object> snapshot = stored.data();
    return new RunSummary(
        uid,
        text(snapshot, "ruleId"),
        text(snapshot, "occurrence"),
        instant(snapshot, "firedAt").orElse(Instant.EPOCH),
        (int) number(snapshot, "matched"),
        (int) number(snapshot, "queued"),
        (int) number(snapshot, "skipped"),
        optionalText(snapshot, "error"));
  }

  // --- automation/status ----------------------------------------------------------------------

  static Map<String, Object> heartbeatFields(Heartbeat heartbeat) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("heartbeatAt", toTimestamp(heartbeat.heartbeatAt()));
    doc.put("instance", heartbeat.instance());
    doc.put("version", heartbeat.version());
    Map<String, Object> wppconnect = new LinkedHashMap<>();
    wppconnect.put("status", heartbeat.gatewayStatus().name());
    wppconnect.put("checkedAt", toTimestamp(heartbeat.gatewayCheckedAt()));
    // SPEC §8: only while the session waits for a scan (the whole document is replaced, so a
    // connected session's heartbeat has none)
    heartbeat
        .qr()
        .ifPresent(
            qr ->
                wppconnect.put(
                    "qr",
                    Map.of("dataUrl", qr.dataUrl(), "expiresAt", toTimestamp(qr.expiresAt()))));
    doc.put("wppconnect", wppconnect);
    QueueCounts queue = heartbeat.queue();
    doc.put(
        "queue",
        Map.of(
            "ready", queue.ready(),
            "delayed", queue.delayed(),
            "inFlight", queue.inFlight(),
            "dead", queue.dead()));
    Heartbeat.DayCounts today = heartbeat.today();
    doc.put(
        "today",
        Map.of("sent", today.sent(), "failed", today.failed(), "skipped", today.skipped()));
    List<Map<String, Object>> nextRuns = new ArrayList<>();
    for (Heartbeat.NextRun run : heartbeat.nextRuns()) {
      nextRuns.add(Map.of("ruleId", run.ruleId(), "at", toTimestamp(run.at())));
    }
    doc.put("nextRuns", nextRuns);
    doc.put(
        "problems", heartbeat.problems().stream().map(WrittenDocuments::problemFields).toList());
    return doc;
  }

  /** SPEC §8 {@code {code, ruleId?, studentId?, message, since}}: absent ids are left out. */
  private static Map<String, Object> problemFields(AccountProblem problem) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("code", problem.code());
    problem.ruleId().ifPresent(id -> fields.put("ruleId", id));
    problem.studentId().ifPresent(id -> fields.put("studentId", id));
    fields.put("message", problem.message());
    fields.put("since", toTimestamp(problem.since()));
    return fields;
  }

  private static List<AccountProblem> problems(Object stored) {
    List<AccountProblem> problems = new ArrayList<>();
    if (stored instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> fields = map(item);
        if (fields.get("code") instanceof String code
            && fields.get("since") instanceof Instant at) {
          problems.add(
              new AccountProblem(
                  code,
                  optionalText(fields.get("ruleId")),
                  optionalText(fields.get("studentId")),
                  fields.get("message") instanceof String message ? message : "",
                  at));
        }
      }
    }
    return problems;
  }

  static Heartbeat heartbeat(Map<String, Object> stored) {
    Map<String, Object> data = FirestoreValues.plain(stored);
    Map<?, ?> wpp = map(data.get("wppconnect"));
    Map<?, ?> queue = map(data.get("queue"));
    Map<?, ?> today = map(data.get("today"));
    List<Heartbeat.NextRun> nextRuns = new ArrayList<>();
    if (data.get("nextRuns") instanceof List<?> runs) {
      for (Object run : runs) {
        Map<?, ?> fields = map(run);
        if (fields.get("ruleId") instanceof String ruleId
            && fields.get("at") instanceof Instant at) {
          nextRuns.add(new Heartbeat.NextRun(ruleId, at));
        }
      }
    }
    Instant heartbeatAt = data.get("heartbeatAt") instanceof Instant at ? at : Instant.EPOCH;
    return new Heartbeat(
        heartbeatAt,
        String.valueOf(data.getOrDefault("instance", "")),
        String.valueOf(data.getOrDefault("version", "")),
        sessionState(wpp.get("status")),
        wpp.get("checkedAt") instanceof Instant at ? at : heartbeatAt,
        new QueueCounts(
            count(queue.get("ready")),
            count(queue.get("delayed")),
            count(queue.get("inFlight")),
            count(queue.get("dead"))),
        new Heartbeat.DayCounts(
            count(today.get("sent")), count(today.get("failed")), count(today.get("skipped"))),
        nextRuns,
        problems(data.get("problems")),
        qr(wpp.get("qr")));
  }

  private static Optional<PairingQr> qr(Object stored) {
    Map<?, ?> fields = map(stored);
    return fields.get("dataUrl") instanceof String url
            && !url.isBlank()
            && fields.get("expiresAt") instanceof Instant expiresAt
        ? Optional.of(new PairingQr(url, expiresAt))
        : Optional.empty();
  }

  private static SessionState sessionState(Object value) {
    try {
      return value instanceof String text ? SessionState.valueOf(text) : SessionState.UNREACHABLE;
    } catch (IllegalArgumentException unknown) {
      return SessionState.UNREACHABLE;
    }
  }

  // --- field helpers ---------------------------------------------------------------------------

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static Optional<String> optionalText(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private static long count(Object value) {
    return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
  }

  private static String text(Map<String, Object> snapshot, String field) {
    return snapshot.get(field) instanceof String text ? text : "";
  }

  private static Optional<String> optionalText(Map<String, Object> snapshot, String field) {
    return snapshot.get(field) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private static long number(Map<String, Object> snapshot, String field) {
    return snapshot.get(field) instanceof Number number ? Math.max(0, number.longValue()) : 0;
  }

  private static Optional<Instant> instant(Map<String, Object> snapshot, String field) {
    return snapshot.get(field) instanceof Timestamp timestamp
        ? Optional.of(toInstant(timestamp))
        : Optional.empty();
  }
}
