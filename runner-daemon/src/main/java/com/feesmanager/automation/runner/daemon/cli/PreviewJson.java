package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.message.Skip;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * SPEC §8's {@code preview --json} shape: {@code {"rule", "occurrence", "messages":[{"studentIds",
 * "to", "body"}], "skipped":[{"studentId", "reason"}]}}; {@code occurrence} is null when the rule
 * has not had one yet.
 */
final class PreviewJson {

  private PreviewJson() {}

  static JsonObject of(String rule, Optional<String> occurrence, ReminderPlan plan) {
    JsonArray messages = new JsonArray();
    for (PlannedMessage planned : plan.messages()) {
      JsonArray studentIds = new JsonArray();
      planned.studentIds().forEach(studentIds::add);
      JsonObject message = new JsonObject();
      message.add("studentIds", studentIds);
      message.addProperty("to", planned.to().digits());
      message.addProperty("body", planned.body());
      messages.add(message);
    }
    JsonArray skipped = new JsonArray();
    for (Skip skip : plan.skips()) {
      JsonObject json = new JsonObject();
      json.addProperty("studentId", skip.studentId());
      json.addProperty("reason", skip.reason().code());
      skipped.add(json);
    }
    JsonObject json = new JsonObject();
    json.addProperty("rule", rule);
    json.addProperty("occurrence", occurrence.orElse(null));
    json.add("messages", messages);
    json.add("skipped", skipped);
    return json;
  }
}
