package com.feesmanager.automation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.application.ApplyReceiptService;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.SessionState;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and silent clients cannot freeze the server: connections that send half a request hold every
 * worker thread and more, and still the health and webhook routes answer once the read limit closes
 * them. A failsafe test: its own JVM, where this server is the first to read the JDK's limits.
 */
class SlowClientIT {

  /** More than the server's worker threads. */
  private static final int SLOW_CLIENTS = 12;

  private HttpSurface server;
  private final List<Socket> slow = new ArrayList<>();

  @BeforeEach
  void start() {
    server =
        new HttpSurface(
            new HttpSettings("127.0.0.1", freePort(), Optional.of("webhook-secret-0123456789")),
            new HttpMetrics() {
              @Override
              public String contentType() {
                return "text/plain";
              }

              @Override
              public String scrape() {
                return "";
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
              throw new WebhookEvents.Malformed("not an event");
            },
            Optional.empty());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : slow) {
      socket.close();
    }
    server.close();
  }

  @Test
  void half_requests_are_cut_off_and_health_still_answers() throws Exception {
    // given clients that send half a request line and headers, or half a body, then nothing
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
      // a guard for a broken server only: the read limit closes these well before
      socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
      OutputStream out = socket.getOutputStream();
      String half =
          i % 2 == 0
              ? "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
              : "POST /webhooks/wppconnect/webhook-secret-0123456789 HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n{\"event\":";
      out.write(half.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      slow.add(socket);
    }

    // when a well-behaved client asks for liveness
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(2)).build();
    HttpResponse<String> live =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then it is answered, and every slow connection was closed by the server
    assertThat(live.statusCode()).isEqualTo(200);
    for (Socket socket : slow) {
      assertThat(endOfStream(socket.getInputStream())).isTrue();
    }
  }

  /** Reads until the server closes the connection (any error response is skipped). */
  private static boolean endOfStream(InputStream in) {
    try {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // an answer such as 400 may precede the close
      }
      return true;
    } catch (java.net.SocketException closed) {
      return true; // reset by the server: closed as well
    } catch (java.io.IOException timeout) {
      return false;
    }
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
