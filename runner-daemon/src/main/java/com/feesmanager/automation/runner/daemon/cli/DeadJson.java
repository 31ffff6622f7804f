package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.ports.out.DeadLetter;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * {@code dead list --json}: {@code {"count", "deadLetters":[{"key", "account", "rule",
 * "occurrence", "session", "to" (masked), "attempts", "reason", "diedAt"}]}}.
 */
final class DeadJson {

  private DeadJson() {}

  static JsonObject of(List<DeadLetter> dead) {
    JsonArray letters = new JsonArray(dead.size());
    for (DeadLetter letter : dead) {
      var message = letter.message();
      JsonObject json = new JsonObject();
      json.addProperty("key", message.key().value());
      json.addProperty("account", message.uid());
      json.addProperty("rule", message.ruleId());
      json.addProperty("occurrence", message.occurrence());
      json.addProperty("session", message.session());
      json.addProperty("to", message.message().to().masked());
      json.addProperty("attempts", letter.attempts());
      json.addProperty("reason", letter.reason());
      json.addProperty("diedAt", letter.diedAt().toString());
      letters.add(json);
    }
    JsonObject json = new JsonObject();
    json.addProperty("count", dead.size());
    json.add("deadLetters", letters);
    return json;
  }
}
