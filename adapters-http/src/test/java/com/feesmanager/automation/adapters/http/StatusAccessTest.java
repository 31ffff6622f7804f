package com.feesmanager.automation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.application.ApplyReceiptService;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.SessionState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /status} and {@code /metrics} need the console or metrics token whenever the server
 * listens beyond loopback (SPEC §8 amended); health needs none.
 */
class StatusAccessTest {

  private static final String CONSOLE_TOKEN = "console-token-0123456789";
  private static final String METRICS_TOKEN = "metrics-token-0123456789";

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpSurface server;

  @AfterEach
  void stop() {
    server.close();
  }

  private void start(String bind, Optional<String> console, Optional<String> metrics) {
    server =
        new HttpSurface(
            new HttpSettings(bind, freePort(), Optional.empty(), console, metrics),
            new HttpMetrics() {
              @Override
              public String contentType() {
                return "text/plain; version=0.0.4; charset=utf-8";
              }

              @Override
              public String scrape() {
                return "fees_up 1\n";
              }

              @Override
              public void recordReceipt(Receipt receipt, ReceiptOutcome outcome) {}

              @Override
              public void recordSessionState(String session, SessionState state) {}
            },
            List.of(),
            Duration.ofSeconds(1),
            () -> new StatusReport(Map.of(), Map.of()),
            new ApplyReceiptService(new InMemoryDeliveryLog()),
            change -> {},
            Clock.systemUTC(),
            body -> {
              throw new WebhookEvents.Malformed("not used");
            },
            Optional.empty());
    server.start();
  }

  @Test
  void beyond_loopback_status_and_metrics_answer_401_without_a_token_and_health_still_answers()
      throws Exception {
    start("0.0.0.0", Optional.of(CONSOLE_TOKEN), Optional.of(METRICS_TOKEN));

    assertThat(get("/status", Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", Optional.of("wrong-token-0123456789")).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", Optional.empty()).headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer");
    assertThat(get("/health/live", Optional.empty()).statusCode()).isEqualTo(200);
  }

  @Test
  void beyond_loopback_the_metrics_token_or_the_console_token_opens_them() throws Exception {
    start("0.0.0.0", Optional.of(CONSOLE_TOKEN), Optional.of(METRICS_TOKEN));

    HttpResponse<String> metrics = get("/metrics", Optional.of(METRICS_TOKEN));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).isEqualTo("fees_up 1\n");
    assertThat(get("/status", Optional.of(METRICS_TOKEN)).statusCode()).isEqualTo(200);
    assertThat(get("/status", Optional.of(CONSOLE_TOKEN)).statusCode()).isEqualTo(200);
  }

  @Test
  void beyond_loopback_with_no_token_configured_they_stay_closed() throws Exception {
    start("0.0.0.0", Optional.empty(), Optional.empty());

    assertThat(get("/status", Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", Optional.of("anything-at-all-0123")).statusCode()).isEqualTo(401);
  }

  @Test
  void on_loopback_they_need_no_token() throws Exception {
    start("127.0.0.1", Optional.empty(), Optional.of(METRICS_TOKEN));

    assertThat(get("/status", Optional.empty()).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", Optional.empty()).statusCode()).isEqualTo(200);
  }

  @Test
  void without_a_console_token_there_is_no_console() throws Exception {
    start("127.0.0.1", Optional.empty(), Optional.empty());

    assertThat(get("/console", Optional.empty()).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, Optional<String> token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
