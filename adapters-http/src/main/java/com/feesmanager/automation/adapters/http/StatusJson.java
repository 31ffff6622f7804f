package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code GET /status}: {@code {"queue", "sessions", "accounts"}}, the total queue, the queue of
 * each session, and each account's heartbeat in the shape of SPEC §1.5's {@code automation/status}
 * document; sessions and accounts in the order of their names.
 */
public final class StatusJson {

  private StatusJson() {}

  /** Also the start of the CLI's {@code status --json} (one shape for both). */
  public static JsonObject of(StatusReport report) {
    JsonObject json = new JsonObject();
    json.add("queue", queue(report.total()));
    json.add("sessions", byName(report.queues(), StatusJson::queue));
    json.add("accounts", byName(report.heartbeats(), StatusJson::heartbeat));
    return json;
  }

  /** {@code {ready, delayed, inFlight, dead}}. */
  private static JsonObject queue(QueueCounts counts) {
    JsonObject json = new JsonObject();
    json.addProperty("ready", counts.ready());
    json.addProperty("delayed", counts.delayed());
    json.addProperty("inFlight", counts.inFlight());
    json.addProperty("dead", counts.dead());
    return json;
  }

  /** {@code {heartbeatAt, instance, version, wppconnect, queue, today, nextRuns, problems}}. */
  private static JsonObject heartbeat(Heartbeat heartbeat) {
    JsonObject json = new JsonObject();
    json.addProperty("heartbeatAt", heartbeat.heartbeatAt().toString());
    json.addProperty("instance", heartbeat.instance());
    json.addProperty("version", heartbeat.version());
    json.add("wppconnect", gateway(heartbeat));
    json.add("queue", queue(heartbeat.queue()));
    JsonObject today = new JsonObject();
    today.addProperty("sent", heartbeat.today().sent());
    today.addProperty("failed", heartbeat.today().failed());
    today.addProperty("skipped", heartbeat.today().skipped());
    json.add("today", today);
    json.add(
        "nextRuns",
        array(
            heartbeat.nextRuns(),
            run -> {
              JsonObject next = new JsonObject();
              next.addProperty("ruleId", run.ruleId());
              next.addProperty("at", run.at().toString());
              return next;
            }));
    json.add("problems", array(heartbeat.problems(), StatusJson::problem));
    return json;
  }

  /** {@code {status, checkedAt, qr?}}: {@code qr} only while the session waits for a scan. */
  private static JsonObject gateway(Heartbeat heartbeat) {
    JsonObject json = new JsonObject();
    json.addProperty("status", heartbeat.gatewayStatus().name());
    json.addProperty("checkedAt", heartbeat.gatewayCheckedAt().toString());
    heartbeat
        .qr()
        .ifPresent(
            qr -> {
              JsonObject code = new JsonObject();
              code.addProperty("dataUrl", qr.dataUrl());
              code.addProperty("expiresAt", qr.expiresAt().toString());
              json.add("qr", code);
            });
    return json;
  }

  /** SPEC §8 {@code {code, ruleId?, studentId?, message, since}}: absent ids are left out. */
  private static JsonObject problem(AccountProblem problem) {
    JsonObject json = new JsonObject();
    json.addProperty("code", problem.code());
    problem.ruleId().ifPresent(id -> json.addProperty("ruleId", id));
    problem.studentId().ifPresent(id -> json.addProperty("studentId", id));
    json.addProperty("message", problem.message());
    json.addProperty("since", problem.since().toString());
    return json;
  }

  private static <T> JsonObject byName(Map<String, T> values, Function<T, JsonObject> toJson) {
    JsonObject json = new JsonObject();
    new TreeMap<>(values).forEach((name, value) -> json.add(name, toJson.apply(value)));
    return json;
  }

  private static <T> JsonArray array(List<T> values, Function<T, JsonObject> toJson) {
    JsonArray json = new JsonArray(values.size());
    values.forEach(value -> json.add(toJson.apply(value)));
    return json;
  }
}
