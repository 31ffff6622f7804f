package com.feesmanager.automation.adapters.http;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * {@code GET /health/ready}: {@code {"status", "checks": {name: {"status", "detail"}}}}, UP only
 * when every dependency is up, and each one's result in the order they were checked.
 */
final class ReadinessJson {

  private ReadinessJson() {}

  static JsonObject of(Map<String, ReadinessCheck.Result> results) {
    JsonObject checks = new JsonObject();
    results.forEach(
        (name, result) -> {
          JsonObject check = new JsonObject();
          check.addProperty("status", upOrDown(result.up()));
          check.addProperty("detail", result.detail());
          checks.add(name, check);
        });
    JsonObject json = new JsonObject();
    json.addProperty(
        "status", upOrDown(results.values().stream().allMatch(ReadinessCheck.Result::up)));
    json.add("checks", checks);
    return json;
  }

  private static String upOrDown(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
