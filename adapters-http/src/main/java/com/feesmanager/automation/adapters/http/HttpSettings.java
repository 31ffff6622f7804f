package com.feesmanager.automation.adapters.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the daemon listens ({@code HTTP_BIND}, {@code HTTP_PORT}; port 0 disables the server), the
 * receipts webhook's secret ({@code WEBHOOK_SECRET}; empty disables the webhook), the operator
 * console's token ({@code CONSOLE_TOKEN}; empty: no console) and the token that opens only {@code
 * /status} and {@code /metrics} ({@code METRICS_TOKEN}).
 */
public record HttpSettings(
    String bindAddress,
    int port,
    Optional<String> webhookSecret,
    Optional<String> consoleToken,
    Optional<String> metricsToken) {

  public HttpSettings {
    Objects.requireNonNull(bindAddress, "'bindAddress' must not be null");
    Objects.requireNonNull(webhookSecret, "'webhookSecret' must not be null");
    Objects.requireNonNull(consoleToken, "'consoleToken' must not be null");
    Objects.requireNonNull(metricsToken, "'metricsToken' must not be null");
    if (bindAddress.isBlank()) {
      throw new IllegalArgumentException("'bindAddress' must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be 0 to 65535, was " + port);
    }
    requireNotBlank(webhookSecret, "webhookSecret");
    requireNotBlank(consoleToken, "consoleToken");
    requireNotBlank(metricsToken, "metricsToken");
  }

  /** Without a console or metrics token. */
  public HttpSettings(String bindAddress, int port, Optional<String> webhookSecret) {
    this(bindAddress, port, webhookSecret, Optional.empty(), Optional.empty());
  }

  /** Whether the server runs at all. */
  public boolean enabled() {
    return port != 0;
  }

  /** Never shows a secret, only whether there is one. */
  @Override
  public String toString() {
    return "HttpSettings[bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", webhookSecret="
        + shown(webhookSecret)
        + ", consoleToken="
        + shown(consoleToken)
        + ", metricsToken="
        + shown(metricsToken)
        + "]";
  }

  private static String shown(Optional<String> secret) {
    return secret.isPresent() ? "***" : "<unset>";
  }

  private static void requireNotBlank(Optional<String> secret, String name) {
    if (secret.isPresent() && secret.get().isBlank()) {
      throw new IllegalArgumentException("'" + name + "' must not be blank when present");
    }
  }
}
