package com.feesmanager.automation.adapters.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the daemon listens ({@code HTTP_BIND}, {@code HTTP_PORT}; port 0 disables the server) and
 * the receipts webhook's secret ({@code WEBHOOK_SECRET}; empty disables the webhook).
 */
public record HttpSettings(String bindAddress, int port, Optional<String> webhookSecret) {

  public HttpSettings {
    Objects.requireNonNull(bindAddress, "'bindAddress' must not be null");
    Objects.requireNonNull(webhookSecret, "'webhookSecret' must not be null");
    if (bindAddress.isBlank()) {
      throw new IllegalArgumentException("'bindAddress' must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be 0 to 65535, was " + port);
    }
    if (webhookSecret.isPresent() && webhookSecret.get().isBlank()) {
      throw new IllegalArgumentException("'webhookSecret' must not be blank when present");
    }
  }

  /** Whether the server runs at all. */
  public boolean enabled() {
    return port != 0;
  }

  /** Never shows the secret, only whether there is one. */
  @Override
  public String toString() {
    return "HttpSettings[bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", webhookSecret="
        + (webhookSecret.isPresent() ? "***" : "<unset>")
        + "]";
  }
}
