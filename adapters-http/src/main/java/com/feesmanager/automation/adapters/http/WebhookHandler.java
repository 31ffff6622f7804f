package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ApplyReceiptCommand;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.out.GatewayEvent;
import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/wppconnect/{secret}} (SPEC §6): receipts are applied, session states
 * reported on; a body over {@link HttpSurface#MAX_BODY_BYTES} is 413, a malformed one 400.
 */
final class WebhookHandler implements Route.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSurface.class);
  private static final long DRAIN_LIMIT_BYTES = 4L * HttpSurface.MAX_BODY_BYTES;

  private final WebhookEvents events;
  private final ApplyReceiptUseCase receipts;
  private final Consumer<SessionStatusChanged> sessionChanges;
  private final HttpMetrics metrics;
  private final Clock clock;

  WebhookHandler(
      WebhookEvents events,
      ApplyReceiptUseCase receipts,
      Consumer<SessionStatusChanged> sessionChanges,
      HttpMetrics metrics,
      Clock clock) {
    this.events = events;
    this.receipts = receipts;
    this.sessionChanges = sessionChanges;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange, String secret) throws IOException {
    Optional<byte[]> body = readBody(exchange);
    if (body.isEmpty()) {
      Responses.json(
          exchange,
          413,
          MessageJson.error("body larger than " + HttpSurface.MAX_BODY_BYTES + " bytes"));
      return;
    }
    GatewayEvent event;
    try {
      event = events.parse(body.get());
    } catch (WebhookEvents.Malformed e) {
      LOG.warn(
          "HTTP POST {}: malformed event: {}", HttpSurface.MASKED_WEBHOOK_PATH, e.getMessage());
      Responses.json(exchange, 400, MessageJson.error("malformed event: " + e.getMessage()));
      return;
    }
    if (event instanceof GatewayEvent.MessageAck ack) {
      Receipt receipt = receiptOf(ack.level());
      ReceiptOutcome outcome;
      try {
        outcome =
            receipts.applyReceipt(
                new ApplyReceiptCommand(ack.providerMessageId(), receipt, clock.instant()));
      } catch (InfrastructureException e) {
        // the store is down: say so, so a sender that retries can try again later
        LOG.warn("receipt {} not applied: {}", receipt, e.toString());
        Responses.json(exchange, 503, MessageJson.error("receipt not applied, try again later"));
        return;
      }
      metrics.recordReceipt(receipt, outcome);
      LOG.debug("receipt {} for a message of session {}: {}", receipt, ack.session(), outcome);
      Responses.json(exchange, 200, MessageJson.result(outcome.name()));
    } else if (event instanceof SessionStatusChanged change) {
      metrics.recordSessionState(change.session(), change.state());
      sessionChanges.accept(change);
      Responses.json(exchange, 200, MessageJson.result("SESSION_STATUS"));
    } else {
      Responses.json(exchange, 200, MessageJson.result("IGNORED"));
    }
  }

  /** SPEC §6: ack 2 → DELIVERED, ack ≥ 3 (read, played) → READ, ack −1 → FAILED. */
  static Receipt receiptOf(GatewayEvent.AckLevel level) {
    return switch (level) {
      case DELIVERED -> Receipt.DELIVERED;
      case READ, PLAYED -> Receipt.READ;
      case FAILED -> Receipt.FAILED;
    };
  }

  /** The body, or empty when it is larger than {@link HttpSurface#MAX_BODY_BYTES}. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredLength(exchange) > HttpSurface.MAX_BODY_BYTES) {
        drain(in);
        return Optional.empty();
      }
      byte[] body = in.readNBytes(HttpSurface.MAX_BODY_BYTES + 1);
      if (body.length > HttpSurface.MAX_BODY_BYTES) {
        drain(in);
        return Optional.empty();
      }
      return Optional.of(body);
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      // the JDK server refuses such requests itself; the body is read with a bound anyway
      return -1;
    }
  }

  /**
   * Reads and drops what the client still sends (up to a bound), so it reads the 413 instead of a
   * connection reset; a larger body just loses its connection.
   */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long left = DRAIN_LIMIT_BYTES;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
      left -= read;
    }
  }
}
