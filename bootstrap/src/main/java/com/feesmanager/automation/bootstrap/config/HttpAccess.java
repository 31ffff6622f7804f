package com.feesmanager.automation.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may use the HTTP server beyond health and the webhook (SPEC §7, §8).
 *
 * @param consoleToken {@code CONSOLE_TOKEN}: the operator console's token; empty disables the
 *     console
 * @param metricsToken {@code METRICS_TOKEN}: a token for {@code /status} and {@code /metrics} only
 *     (scrapers), besides the console token
 */
public record HttpAccess(Optional<Secret> consoleToken, Optional<Secret> metricsToken) {
  public HttpAccess {
    Objects.requireNonNull(consoleToken, "'consoleToken' must not be null");
    Objects.requireNonNull(metricsToken, "'metricsToken' must not be null");
  }
}
