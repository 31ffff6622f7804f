package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /status}: the status JSON (SPEC §8), or 503 when it cannot be read. */
final class StatusHandler implements Route.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSurface.class);

  private final Supplier<StatusReport> status;

  StatusHandler(Supplier<StatusReport> status) {
    this.status = status;
  }

  @Override
  public void handle(HttpExchange exchange, String rest) throws IOException {
    StatusReport report;
    try {
      report = status.get();
    } catch (RuntimeException e) {
      LOG.warn("status unavailable: {}", e.toString());
      Responses.json(exchange, 503, MessageJson.error("status unavailable"));
      return;
    }
    Responses.json(exchange, 200, StatusJson.of(report));
  }
}
