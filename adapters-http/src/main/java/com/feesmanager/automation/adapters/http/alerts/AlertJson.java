package com.feesmanager.automation.adapters.http.alerts;

import com.feesmanager.automation.domain.message.PhoneMasking;
import com.feesmanager.automation.ports.out.Alert;

/**
 * The webhook body of SPEC §8: {@code {level, event, account, text, at}}. Slack and Discord show
 * only {@code text}, so it carries level, event and account in front of the alert's own text:
 * {@code [CRITICAL] MESSAGE_DEAD academy-1: …}.
 */
final class AlertJson {

  private AlertJson() {}

  // Written by hand: five string fields do not justify a serializer on the alert thread.
  static String of(Alert alert) {
    StringBuilder json = new StringBuilder(128 + alert.text().length());
    json.append('{');
    field(json, "level", alert.level().name()).append(',');
    field(json, "event", alert.event()).append(',');
    field(json, "account", alert.account()).append(',');
    field(json, "text", text(alert)).append(',');
    field(json, "at", alert.at().toString());
    return json.append('}').toString();
  }

  /** {@code [LEVEL] EVENT account: text}, without the account for process-wide alerts. */
  static String text(Alert alert) {
    StringBuilder text = new StringBuilder(48 + alert.text().length());
    text.append('[').append(alert.level().name()).append("] ").append(alert.event());
    if (!alert.account().isEmpty()) {
      text.append(' ').append(alert.account());
    }
    // The text leaves the machine (Slack, Discord): phone numbers are masked as in the logs.
    return text.append(": ").append(PhoneMasking.mask(alert.text())).toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
