package com.feesmanager.automation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.wppconnect.MalformedWebhookEvent;
import com.feesmanager.automation.adapters.wppconnect.WppConnectPayloads;
import com.feesmanager.automation.adapters.wppconnect.WppConnectWebhookParser;
import com.feesmanager.automation.application.ApplyReceiptService;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ApplyReceiptCommand;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon's endpoints over real HTTP on loopback, with the in-memory delivery log. */
class HttpSurfaceTest {

  private static final String SECRET = "s3cret-Webhook-Value";
  private static final String SESSION = "default";
  private static final String PROVIDER_ID =
      WppConnectPayloads.messageId("923001234567", "ABCDEF01");
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final WppConnectWebhookParser PARSER = new WppConnectWebhookParser();

  /** wppconnect-server's bodies, read by its adapter's parser as the daemon wires it. */
  private static final WebhookEvents EVENTS =
      body -> {
        try {
          return PARSER.parse(body);
        } catch (MalformedWebhookEvent e) {
          throw new WebhookEvents.Malformed(e.getMessage());
        }
      };

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final List<SessionStatusChanged> sessionChanges = new CopyOnWriteArrayList<>();
  private final AtomicReference<StatusReport> status =
      new AtomicReference<>(new StatusReport(Map.of(), Map.of()));
  private ReadinessCheck redis = () -> ReadinessCheck.Result.up("PONG");
  private HttpSurface server;

  @BeforeEach
  void start() throws IOException {
    server = serverWith(Optional.of(SECRET));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpSurface serverWith(Optional<String> secret) throws IOException {
    HttpSurface started =
        new HttpSurface(
            new HttpSettings("127.0.0.1", freePort(), secret),
            metrics,
            List.of(
                ReadinessCheck.named("redis", () -> redis.check()),
                ReadinessCheck.named("firestore", () -> ReadinessCheck.Result.up("reachable")),
                ReadinessCheck.named("gateway", () -> ReadinessCheck.Result.up("CONNECTED"))),
            Duration.ofMillis(300),
            status::get,
            new ApplyReceiptService(deliveryLog),
            sessionChanges::add,
            Clock.fixed(NOW, ZoneOffset.UTC),
            EVENTS,
            Optional.empty());
    started.start();
    return started;
  }

  @Test
  void liveness_is_up() throws Exception {
    HttpResponse<String> response = get("/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void readiness_is_200_when_every_dependency_is_up() throws Exception {
    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"UP\",\"checks\":{"
                + "\"redis\":{\"status\":\"UP\",\"detail\":\"PONG\"},"
                + "\"firestore\":{\"status\":\"UP\",\"detail\":\"reachable\"},"
                + "\"gateway\":{\"status\":\"UP\",\"detail\":\"CONNECTED\"}}}");
  }

  @Test
  void readiness_is_503_naming_a_dependency_that_is_down() throws Exception {
    redis = () -> ReadinessCheck.Result.down("connection refused");

    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .startsWith("{\"status\":\"DOWN\"")
        .contains("\"redis\":{\"status\":\"DOWN\",\"detail\":\"connection refused\"}")
        .contains("\"firestore\":{\"status\":\"UP\"");
  }

  @Test
  void readiness_counts_a_check_that_throws_or_hangs_as_down() throws Exception {
    redis =
        () -> {
          throw new IllegalStateException("boom");
        };
    assertThat(get("/health/ready").body()).contains("\"redis\":{\"status\":\"DOWN\"");

    CountDownLatch never = new CountDownLatch(1);
    redis =
        () -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ReadinessCheck.Result.up("too late");
        };
    long start = System.nanoTime();
    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"redis\":{\"status\":\"DOWN\",\"detail\":\"no answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void metrics_serve_the_scrape_with_its_content_type() throws Exception {
    metrics.text = "fees_messages_sent_total{account=\"uid-1\"} 1.0\n";

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).isEqualTo("fees_messages_sent_total{account=\"uid-1\"} 1.0\n");
  }

  @Test
  void status_renders_the_heartbeat_shape() throws Exception {
    Heartbeat heartbeat =
        new Heartbeat(
            NOW,
            "droplet-1",
            "0.1.0",
            SessionState.CONNECTED,
            NOW.minusSeconds(30),
            new QueueCounts(1, 2, 0, 1),
            new Heartbeat.DayCounts(10, 1, 2),
            List.of(new Heartbeat.NextRun("rule-1", NOW.plusSeconds(3600))),
            List.of(
                new AccountProblem(
                    "RULE_INVALID",
                    Optional.of("rule-2"),
                    Optional.empty(),
                    "Rule 'Weekly' is invalid",
                    NOW.minusSeconds(60))));
    status.set(
        new StatusReport(Map.of(SESSION, new QueueCounts(1, 2, 0, 1)), Map.of("uid-1", heartbeat)));

    HttpResponse<String> response = get("/status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"queue\":{\"ready\":1,\"delayed\":2,\"inFlight\":0,\"dead\":1},"
                + "\"sessions\":{\"default\":{\"ready\":1,\"delayed\":2,\"inFlight\":0,\"dead\":1}},"
                + "\"accounts\":{\"uid-1\":{\"heartbeatAt\":\"2026-11-25T10:00:00Z\","
                + "\"instance\":\"droplet-1\",\"version\":\"0.1.0\","
                + "\"wppconnect\":{\"status\":\"CONNECTED\",\"checkedAt\":\"2026-11-25T09:59:30Z\"},"
                + "\"queue\":{\"ready\":1,\"delayed\":2,\"inFlight\":0,\"dead\":1},"
                + "\"today\":{\"sent\":10,\"failed\":1,\"skipped\":2},"
                + "\"nextRuns\":[{\"ruleId\":\"rule-1\",\"at\":\"2026-11-25T11:00:00Z\"}],"
                + "\"problems\":[{\"code\":\"RULE_INVALID\",\"ruleId\":\"rule-2\","
                + "\"message\":\"Rule 'Weekly' is invalid\",\"since\":\"2026-11-25T09:59:00Z\"}]}}}");
  }

  @Test
  void status_shows_the_qr_code_of_a_session_waiting_for_a_scan() throws Exception {
    Heartbeat heartbeat =
        new Heartbeat(
            NOW,
            "droplet-1",
            "0.1.0",
            SessionState.NEEDS_SCAN,
            NOW.minusSeconds(30),
            QueueCounts.EMPTY,
            new Heartbeat.DayCounts(0, 0, 0),
            List.of(),
            List.of(),
            Optional.of(new PairingQr("data:image/png;base64,iVBORw0KGgo=", NOW.plusSeconds(30))));
    status.set(new StatusReport(Map.of(), Map.of("uid-1", heartbeat)));

    HttpResponse<String> response = get("/status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "\"wppconnect\":{\"status\":\"NEEDS_SCAN\",\"checkedAt\":\"2026-11-25T09:59:30Z\","
                + "\"qr\":{\"dataUrl\":\"data:image/png;base64,iVBORw0KGgo=\","
                + "\"expiresAt\":\"2026-11-25T10:00:30Z\"}}");
  }

  @Test
  void status_is_503_when_it_cannot_be_read() throws Exception {
    HttpSurface failing =
        new HttpSurface(
            new HttpSettings("127.0.0.1", freePort(), Optional.empty()),
            metrics,
            List.of(),
            Duration.ofMillis(300),
            () -> {
              throw new IllegalStateException("redis down");
            },
            new ApplyReceiptService(deliveryLog),
            sessionChanges::add,
            Clock.systemUTC(),
            EVENTS,
            Optional.empty());
    failing.start();
    try {
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(uri(failing, "/status")).GET().build());
      assertThat(response.statusCode()).isEqualTo(503);
    } finally {
      failing.close();
    }
  }

  @Test
  void receipts_move_a_sent_log_to_delivered_then_read_and_a_late_delivered_changes_nothing()
      throws Exception {
    MessageLog sent = sentLog();
    deliveryLog.record(sent);

    HttpResponse<String> delivered = webhook(WppConnectPayloads.onAck(SESSION, PROVIDER_ID, 2));
    assertThat(delivered.statusCode()).isEqualTo(200);
    assertThat(delivered.body()).contains("APPLIED");
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.DELIVERED);

    HttpResponse<String> read = webhook(WppConnectPayloads.onAck(SESSION, PROVIDER_ID, 3));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.READ);

    HttpResponse<String> late =
        webhook(WppConnectPayloads.onAckWithStringId(SESSION, PROVIDER_ID, 2));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body()).contains("NOT_NEWER");
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.READ);
    assertThat(deliveryLog.find(sent.uid(), sent.key()).orElseThrow().readAt()).hasValue(NOW);

    assertThat(metrics.receipts)
        .containsExactly("DELIVERED APPLIED", "READ APPLIED", "DELIVERED NOT_NEWER");
  }

  @Test
  void played_counts_as_read_and_failed_fails_a_sent_log() throws Exception {
    MessageLog sent = sentLog();
    deliveryLog.record(sent);

    assertThat(webhook(WppConnectPayloads.onAck(SESSION, PROVIDER_ID, 4)).statusCode())
        .isEqualTo(200);
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.READ);

    MessageLog other = sentLog("fedcba9876543210fedcba9876543210", "true_923001112223@c.us_FF");
    deliveryLog.record(other);
    assertThat(
            webhook(WppConnectPayloads.onAck(SESSION, "true_923001112223@c.us_FF", -1))
                .statusCode())
        .isEqualTo(200);
    MessageLog failed = deliveryLog.find(other.uid(), other.key()).orElseThrow();
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.reason()).hasValue("WHATSAPP_FAILED");
  }

  @Test
  void unknown_ids_and_ignored_events_are_answered_200() throws Exception {
    HttpResponse<String> unknown =
        webhook(WppConnectPayloads.onAck(SESSION, "true_923009999999@c.us_00", 3));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("UNKNOWN_MESSAGE");

    HttpResponse<String> ignored = webhook("{\"event\":\"onmessage\",\"session\":\"default\"}");
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).contains("IGNORED");
  }

  @Test
  void session_status_events_reach_the_callback_and_the_gauges() throws Exception {
    HttpResponse<String> response = webhook(WppConnectPayloads.statusFind(SESSION, "browserClose"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sessionChanges)
        .containsExactly(new SessionStatusChanged(SESSION, SessionState.CLOSED, "browserClose"));
    assertThat(metrics.sessionStates).containsExactly("default CLOSED");
  }

  @Test
  void a_receipt_is_503_when_the_log_store_is_down() throws Exception {
    HttpSurface storeDown =
        new HttpSurface(
            new HttpSettings("127.0.0.1", freePort(), Optional.of(SECRET)),
            metrics,
            List.of(),
            Duration.ofMillis(300),
            status::get,
            new ApplyReceiptUseCase() {
              @Override
              public ReceiptOutcome applyReceipt(ApplyReceiptCommand command) {
                throw new StoreUnavailable("firestore unreachable");
              }

              @Override
              public int applyPending(Instant now) {
                throw new StoreUnavailable("firestore unreachable");
              }
            },
            sessionChanges::add,
            Clock.systemUTC(),
            EVENTS,
            Optional.empty());
    storeDown.start();
    try {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri(storeDown, "/webhooks/wppconnect/" + SECRET))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          WppConnectPayloads.onAck(SESSION, PROVIDER_ID, 3)))
                  .build());
      assertThat(response.statusCode()).isEqualTo(503);
    } finally {
      storeDown.close();
    }
  }

  @Test
  void a_malformed_body_is_400_and_changes_nothing() throws Exception {
    MessageLog sent = sentLog();
    deliveryLog.record(sent);

    for (String body :
        List.of(
            "not json",
            "[]",
            "{\"session\":\"default\"}",
            "{\"event\":\"onack\",\"session\":\"default\",\"ack\":3}")) {
      HttpResponse<String> response = webhook(body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void a_wrong_secret_is_404_and_changes_nothing() throws Exception {
    MessageLog sent = sentLog();
    deliveryLog.record(sent);

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(server, "/webhooks/wppconnect/wrong-secret"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        WppConnectPayloads.onAck(SESSION, PROVIDER_ID, 3)))
                .build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(statusOf(sent)).isEqualTo(MessageStatus.SENT);
    assertThat(post("/webhooks/wppconnect/", "{}").statusCode()).isEqualTo(404);
    assertThat(post("/webhooks/wppconnect/" + SECRET + "x", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void the_webhook_is_404_when_no_secret_is_set() throws Exception {
    HttpSurface disabled = serverWith(Optional.empty());
    try {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri(disabled, "/webhooks/wppconnect/" + SECRET))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build());
      assertThat(response.statusCode()).isEqualTo(404);
    } finally {
      disabled.close();
    }
  }

  @Test
  void a_body_over_the_limit_is_413() throws Exception {
    String huge = "{\"event\":\"x\",\"pad\":\"" + "a".repeat(HttpSurface.MAX_BODY_BYTES) + "\"}";

    assertThat(webhook(huge).statusCode()).isEqualTo(413);
  }

  @Test
  void unknown_paths_are_404_and_wrong_methods_405() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/health").statusCode()).isEqualTo(404);
    for (String path : List.of("/health/live", "/health/ready", "/metrics", "/status")) {
      HttpResponse<String> response = post(path, "{}");
      assertThat(response.statusCode()).as(path).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }
    HttpResponse<String> getWebhook = get("/webhooks/wppconnect/" + SECRET);
    assertThat(getWebhook.statusCode()).isEqualTo(405);
    assertThat(getWebhook.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void port_zero_means_no_server() {
    HttpSurface disabled =
        new HttpSurface(
            new HttpSettings("127.0.0.1", 0, Optional.of(SECRET)),
            metrics,
            List.of(),
            Duration.ofMillis(300),
            status::get,
            new ApplyReceiptService(deliveryLog),
            sessionChanges::add,
            Clock.systemUTC(),
            EVENTS,
            Optional.empty());

    disabled.start();

    assertThat(disabled.port()).isZero();
    disabled.close();
  }

  @Test
  void settings_and_logged_paths_never_show_the_secret() {
    assertThat(new HttpSettings("127.0.0.1", 8081, Optional.of(SECRET)).toString())
        .doesNotContain(SECRET)
        .contains("***");
    assertThat(HttpSurface.safePath("/webhooks/wppconnect/" + SECRET))
        .isEqualTo("/webhooks/wppconnect/***");
  }

  private MessageStatus statusOf(MessageLog log) {
    return deliveryLog.find(log.uid(), log.key()).orElseThrow().status();
  }

  private static MessageLog sentLog() {
    return sentLog("0123456789abcdef0123456789abcdef", PROVIDER_ID);
  }

  private static MessageLog sentLog(String key, String providerId) {
    Instant queued = NOW.minusSeconds(600);
    return new MessageLog(
        "uid-1",
        new MessageKey(key),
        "rule-1",
        "Overdue reminder",
        "2026-11-25T09:50",
        "student-1",
        "Ali Khan",
        Optional.of("923001234567"),
        "Dear Parent, PKR 4,000 is overdue.",
        MessageStatus.SENT,
        Optional.empty(),
        1,
        Optional.of(queued),
        Optional.of(queued.plusSeconds(5)),
        Optional.empty(),
        Optional.empty(),
        queued.plusSeconds(5),
        Optional.of(providerId));
  }

  private HttpResponse<String> webhook(String body) throws Exception {
    return post("/webhooks/wppconnect/" + SECRET, body);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(server, path)).GET().build());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(server, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(HttpSurface target, String path) {
    return URI.create("http://127.0.0.1:" + target.port() + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** What the routes recorded; the scrape is whatever a test sets. */
  private static final class RecordingMetrics implements HttpMetrics {
    private final List<String> receipts = new CopyOnWriteArrayList<>();
    private final List<String> sessionStates = new CopyOnWriteArrayList<>();
    private volatile String text = "";

    @Override
    public String contentType() {
      return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public String scrape() {
      return text;
    }

    @Override
    public void recordReceipt(Receipt receipt, ReceiptOutcome outcome) {
      receipts.add(receipt + " " + outcome);
    }

    @Override
    public void recordSessionState(String session, SessionState state) {
      sessionStates.add(session + " " + state);
    }
  }
}
