package com.feesmanager.automation.runner.daemon.http;

import com.feesmanager.automation.adapters.wppconnect.MalformedWebhookEvent;
import com.feesmanager.automation.adapters.wppconnect.WppConnectWebhookParser;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ApplyReceiptCommand;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.GatewayEvent;
import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP endpoints (SPEC §6, §8) on {@code HTTP_BIND:HTTP_PORT}: {@code GET
 * /health/live}, {@code GET /health/ready}, {@code GET /metrics}, {@code GET /status} and {@code
 * POST /webhooks/wppconnect/{secret}}. Built by its owner, which calls {@link #start()} and {@link
 * #close()}; with port 0 it never listens.
 */
public final class DaemonHttpServer implements AutoCloseable {

  /** Largest request body accepted; wppconnect events are a few KiB. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final long DRAIN_LIMIT_BYTES = 4L * MAX_BODY_BYTES;

  static final String WEBHOOK_PREFIX = "/webhooks/wppconnect/";
  static final String MASKED_WEBHOOK_PATH = WEBHOOK_PREFIX + "***";

  private static final Logger LOG = LoggerFactory.getLogger(DaemonHttpServer.class);
  private static final String JSON = "application/json";
  private static final int THREADS = 4;
  private static final int QUEUED_REQUESTS = 64;

  private final HttpSettings settings;
  private final DaemonMetrics metrics;
  private final List<ReadinessCheck.Named> checks;
  private final Duration checkTimeout;
  private final Supplier<StatusReport> status;
  private final ApplyReceiptUseCase receipts;
  private final Consumer<SessionStatusChanged> sessionChanges;
  private final Clock clock;
  private final Optional<byte[]> secretDigest;
  private final WppConnectWebhookParser parser = new WppConnectWebhookParser();
  private final ObjectMapper json = ObjectMapper.getDefault();

  private HttpServer server;
  private ThreadPoolExecutor requests;
  private ExecutorService checkRunner;

  /**
   * The server, not yet listening.
   *
   * @param checks one per dependency (redis, firestore, gateway), reported in this order
   * @param checkTimeout how long each readiness check may take before it counts as down
   * @param status what {@code /status} renders
   * @param receipts applies delivery receipts from the webhook
   * @param sessionChanges told of session state changes the gateway reports by webhook
   */
  public DaemonHttpServer(
      HttpSettings settings,
      DaemonMetrics metrics,
      List<ReadinessCheck.Named> checks,
      Duration checkTimeout,
      Supplier<StatusReport> status,
      ApplyReceiptUseCase receipts,
      Consumer<SessionStatusChanged> sessionChanges,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    this.checks = List.copyOf(checks);
    this.checkTimeout = Objects.requireNonNull(checkTimeout, "'checkTimeout' must not be null");
    this.status = Objects.requireNonNull(status, "'status' must not be null");
    this.receipts = Objects.requireNonNull(receipts, "'receipts' must not be null");
    this.sessionChanges =
        Objects.requireNonNull(sessionChanges, "'sessionChanges' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    if (checkTimeout.isNegative() || checkTimeout.isZero()) {
      throw new IllegalArgumentException("'checkTimeout' must be positive");
    }
    this.secretDigest = settings.webhookSecret().map(DaemonHttpServer::sha256);
  }

  /** Starts listening (a no-op when the port is 0); throws when the address cannot be bound. */
  public synchronized void start() {
    if (!settings.enabled() || server != null) {
      return;
    }
    requests =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            threads("http"),
            // a full queue slows the accepting thread down instead of dropping connections
            new ThreadPoolExecutor.CallerRunsPolicy());
    checkRunner = Executors.newCachedThreadPool(threads("ready-check"));
    try {
      server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
    } catch (IOException e) {
      requests.shutdownNow();
      checkRunner.shutdownNow();
      throw new UncheckedIOException(
          "cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
    }
    server.setExecutor(requests);
    server.createContext("/", this::handle);
    server.start();
    LOG.info(
        "HTTP listening on {}:{} (webhook {})",
        settings.bindAddress(),
        port(),
        settings.webhookSecret().isPresent() ? "enabled" : "disabled");
  }

  /** The port it listens on (useful with an ephemeral port); 0 when not listening. */
  public synchronized int port() {
    return server == null ? 0 : server.getAddress().getPort();
  }

  /** Stops listening and waits briefly for requests in progress. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    requests.shutdown();
    checkRunner.shutdownNow();
    try {
      if (!requests.awaitTermination(5, TimeUnit.SECONDS)) {
        requests.shutdownNow();
      }
    } catch (InterruptedException e) {
      requests.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try (exchange) {
      if (path.startsWith(WEBHOOK_PREFIX)) {
        webhook(exchange, path.substring(WEBHOOK_PREFIX.length()), method);
        return;
      }
      switch (path) {
        case "/health/live" -> {
          if (get(exchange, method)) {
            sendJson(exchange, 200, MessageJson.status("UP"));
          }
        }
        case "/health/ready" -> {
          if (get(exchange, method)) {
            ready(exchange);
          }
        }
        case "/metrics" -> {
          if (get(exchange, method)) {
            send(exchange, 200, DaemonMetrics.CONTENT_TYPE, metrics.scrape());
          }
        }
        case "/status" -> {
          if (get(exchange, method)) {
            status(exchange);
          }
        }
        default -> sendJson(exchange, 404, MessageJson.error("not found"));
      }
    } catch (RuntimeException e) {
      LOG.error("HTTP {} {} failed", method, safePath(path), e);
      trySendError(exchange);
    }
  }

  private void ready(HttpExchange exchange) throws IOException {
    Map<ReadinessCheck.Named, Future<ReadinessCheck.Result>> running = new LinkedHashMap<>();
    for (ReadinessCheck.Named check : checks) {
      running.put(check, checkRunner.submit(() -> check.check().check()));
    }
    long deadline = System.nanoTime() + checkTimeout.toNanos();
    Map<String, ReadinessJson.CheckJson> results = new LinkedHashMap<>();
    boolean allUp = true;
    for (Map.Entry<ReadinessCheck.Named, Future<ReadinessCheck.Result>> entry :
        running.entrySet()) {
      ReadinessCheck.Result result = outcome(entry.getValue(), deadline);
      allUp &= result.up();
      results.put(
          entry.getKey().name(),
          new ReadinessJson.CheckJson(result.up() ? "UP" : "DOWN", result.detail()));
    }
    sendJson(exchange, allUp ? 200 : 503, new ReadinessJson(allUp ? "UP" : "DOWN", results));
  }

  private ReadinessCheck.Result outcome(Future<ReadinessCheck.Result> future, long deadline) {
    try {
      ReadinessCheck.Result result =
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return result == null ? ReadinessCheck.Result.down("no result") : result;
    } catch (TimeoutException e) {
      future.cancel(true);
      return ReadinessCheck.Result.down("no answer within " + checkTimeout);
    } catch (ExecutionException e) {
      return ReadinessCheck.Result.down(e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return ReadinessCheck.Result.down("interrupted");
    }
  }

  private void status(HttpExchange exchange) throws IOException {
    StatusReport report;
    try {
      report = status.get();
    } catch (RuntimeException e) {
      LOG.warn("status unavailable: {}", e.toString());
      sendJson(exchange, 503, MessageJson.error("status unavailable"));
      return;
    }
    sendJson(exchange, 200, StatusJson.of(report));
  }

  private void webhook(HttpExchange exchange, String secret, String method) throws IOException {
    // a wrong or unset secret looks exactly like a path that does not exist
    if (!secretMatches(secret)) {
      LOG.debug("HTTP {} {}: no such webhook", method, MASKED_WEBHOOK_PATH);
      sendJson(exchange, 404, MessageJson.error("not found"));
      return;
    }
    if (!method.equals("POST")) {
      methodNotAllowed(exchange, "POST");
      return;
    }
    Optional<byte[]> body = readBody(exchange);
    if (body.isEmpty()) {
      sendJson(exchange, 413, MessageJson.error("body larger than " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    GatewayEvent event;
    try {
      event = parser.parse(body.get());
    } catch (MalformedWebhookEvent e) {
      LOG.warn("HTTP POST {}: malformed event: {}", MASKED_WEBHOOK_PATH, e.getMessage());
      sendJson(exchange, 400, MessageJson.error("malformed event: " + e.getMessage()));
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
        sendJson(exchange, 503, MessageJson.error("receipt not applied, try again later"));
        return;
      }
      metrics.recordReceipt(receipt, outcome);
      LOG.debug("receipt {} for a message of session {}: {}", receipt, ack.session(), outcome);
      sendJson(exchange, 200, MessageJson.result(outcome.name()));
    } else if (event instanceof SessionStatusChanged change) {
      metrics.recordSessionState(change.session(), change.state());
      sessionChanges.accept(change);
      sendJson(exchange, 200, MessageJson.result("SESSION_STATUS"));
    } else {
      sendJson(exchange, 200, MessageJson.result("IGNORED"));
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

  private boolean secretMatches(String candidate) {
    if (secretDigest.isEmpty()) {
      return false;
    }
    // equal-length digests compared in constant time: neither content nor length leaks
    return MessageDigest.isEqual(secretDigest.get(), sha256(candidate));
  }

  /** The body, or empty when it is larger than {@link #MAX_BODY_BYTES}. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredLength(exchange) > MAX_BODY_BYTES) {
        drain(in);
        return Optional.empty();
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
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

  private boolean get(HttpExchange exchange, String method) throws IOException {
    if (method.equals("GET")) {
      return true;
    }
    methodNotAllowed(exchange, "GET");
    return false;
  }

  private void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    sendJson(exchange, 405, MessageJson.error("method not allowed"));
  }

  private void sendJson(HttpExchange exchange, int code, Object body) throws IOException {
    send(exchange, code, JSON, json.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    send(exchange, code, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int code, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void trySendError(HttpExchange exchange) {
    try {
      byte[] body = "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);
      send(exchange, 500, JSON, body);
    } catch (IOException | RuntimeException e) {
      // headers were already sent or the client left: nothing more to tell it
    }
  }

  static String safePath(String path) {
    return path.startsWith(WEBHOOK_PREFIX) ? MASKED_WEBHOOK_PATH : path;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
