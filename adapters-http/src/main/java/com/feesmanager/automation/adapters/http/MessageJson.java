package com.feesmanager.automation.adapters.http;

import com.google.gson.JsonObject;

/** A one-field answer: {@code {"status": …}} for health, or a result or error word. */
final class MessageJson {

  private MessageJson() {}

  static JsonObject status(String status) {
    return of("status", status);
  }

  static JsonObject result(String result) {
    return of("result", result);
  }

  static JsonObject error(String error) {
    return of("error", error);
  }

  private static JsonObject of(String name, String value) {
    JsonObject json = new JsonObject();
    json.addProperty(name, value);
    return json;
  }
}
