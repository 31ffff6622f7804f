package com.feesmanager.automation.adapters.http.alerts;

import com.feesmanager.automation.domain.message.PhoneMasking;
import com.feesmanager.automation.ports.out.Alert;

/**
 * The webhook body of SPEC §8: {@code {level, event, account, text, at}}. Slack and Discord show
 * only their own field, so the text carries level, event and account in front of the alert's own
 * text: {@code [CRITICAL] MESSAGE_DEAD academy-1: …}. A Slack webhook gets {@code {"text"}}, a
 * Discord one {@code {"content"}} (what each one's native endpoint reads), any other URL the SPEC's
 * five fields.
 */
final class AlertJson {

  /** Discord refuses a {@code content} longer than this. */
  static final int DISCORD_MAX = 2000;

  /** The body a webhook URL understands, chosen by its host and path. */
  enum Format {
    GENERIC,
    SLACK,
    DISCORD;

    static Format of(java.net.URI url) {
      String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
      String path = url.getPath() == null ? "" : url.getPath();
      if (host.equals("hooks.slack.com")) {
        return SLACK;
      }
      boolean discordHost =
          host.equals("discord.com")
              || host.endsWith(".discord.com")
              || host.equals("discordapp.com");
      return discordHost && path.startsWith("/api/webhooks/") ? DISCORD : GENERIC;
    }
  }

  private AlertJson() {}

  /** The body for a webhook of {@code format}. */
  static String of(Alert alert, Format format) {
    return switch (format) {
      case GENERIC -> of(alert);
      case SLACK -> one("text", text(alert));
      case DISCORD -> one("content", shortened(text(alert), DISCORD_MAX));
    };
  }

  private static String one(String name, String value) {
    return field(new StringBuilder(value.length() + 16).append('{'), name, value)
        .append('}')
        .toString();
  }

  private static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

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
