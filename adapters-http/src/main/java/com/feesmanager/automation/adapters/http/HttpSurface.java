package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP endpoints (SPEC §6, §8) on {@code HTTP_BIND:HTTP_PORT}, registered from one
 * route table ({@link #routes}): {@code GET /health/live}, {@code GET /health/ready}, {@code GET
 * /metrics}, {@code GET /status} (both need a token unless the address is loopback), {@code POST
 * /webhooks/wppconnect/{secret}}, and the operator console's routes ({@link ConsoleRoutes}) when
 * {@code CONSOLE_TOKEN} is set. Every connection has read, write and idle limits ({@link
 * HttpTimeouts}). Built by its owner, which calls {@link #start()} and {@link #close()}; with port
 * 0 it never listens.
 */
public final class HttpSurface implements AutoCloseable {

  /** Largest request body accepted; wppconnect events are a few KiB. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  static final String WEBHOOK_PREFIX = "/webhooks/wppconnect/";
  static final String MASKED_WEBHOOK_PATH = WEBHOOK_PREFIX + "***";

  private static final Logger LOG = LoggerFactory.getLogger(HttpSurface.class);

  static {
    // before the JDK's server reads its limits, once per JVM
    HttpTimeouts.install();
  }

  private static final int THREADS = 4;
  private static final int QUEUED_REQUESTS = 64;

  private final HttpSettings settings;
  private final List<Route> routes;
  private final Optional<byte[]> secretDigest;
  private final ExecutorService checkRunner;

  private HttpServer server;
  private ThreadPoolExecutor requests;

  /**
   * The server, not yet listening.
   *
   * @param checks one per dependency (redis, firestore, gateway), reported in this order
   * @param checkTimeout how long each readiness check may take before it counts as down
   * @param status what {@code /status} renders
   * @param receipts applies delivery receipts from the webhook
   * @param sessionChanges told of session state changes the gateway reports by webhook
   * @param events reads the gateway's webhook bodies
   * @param console what the operator console shows and does; served when the console token is set
   */
  public HttpSurface(
      HttpSettings settings,
      HttpMetrics metrics,
      List<ReadinessCheck.Named> checks,
      Duration checkTimeout,
      Supplier<StatusReport> status,
      ApplyReceiptUseCase receipts,
      Consumer<SessionStatusChanged> sessionChanges,
      Clock clock,
      WebhookEvents events,
      Optional<OperatorConsole> console) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    Objects.requireNonNull(metrics, "'metrics' must not be null");
    Objects.requireNonNull(checkTimeout, "'checkTimeout' must not be null");
    Objects.requireNonNull(status, "'status' must not be null");
    Objects.requireNonNull(events, "'events' must not be null");
    Objects.requireNonNull(receipts, "'receipts' must not be null");
    Objects.requireNonNull(sessionChanges, "'sessionChanges' must not be null");
    Objects.requireNonNull(clock, "'clock' must not be null");
    if (checkTimeout.isNegative() || checkTimeout.isZero()) {
      throw new IllegalArgumentException("'checkTimeout' must be positive");
    }
    Objects.requireNonNull(console, "'console' must not be null");
    this.secretDigest = settings.webhookSecret().map(AccessTokens::sha256);
    this.checkRunner = Executors.newCachedThreadPool(threads("ready-check"));
    AccessTokens tokens = new AccessTokens(settings);
    List<Route> table =
        new ArrayList<>(
            routes(
                metrics,
                tokens,
                new ReadinessHandler(checks, checkTimeout, checkRunner),
                new StatusHandler(status),
                new WebhookHandler(events, receipts, sessionChanges, metrics, clock)));
    if (tokens.consoleEnabled() && console.isPresent()) {
      table.addAll(new ConsoleRoutes(console.get(), tokens).routes());
    }
    this.routes = List.copyOf(table);
  }

  /** The route table: each route's method and path, once. */
  private List<Route> routes(
      HttpMetrics metrics,
      AccessTokens tokens,
      ReadinessHandler ready,
      StatusHandler status,
      WebhookHandler webhook) {
    return List.of(
        Route.get("/health/live", (ex, rest) -> Responses.json(ex, 200, MessageJson.status("UP"))),
        Route.get("/health/ready", ready),
        Route.get(
            "/metrics",
            tokens.statusGuard(
                (ex, rest) -> Responses.send(ex, 200, metrics.contentType(), metrics.scrape()))),
        Route.get("/status", tokens.statusGuard(status)),
        // a wrong or unset secret looks exactly like a path that does not exist
        Route.postBelow(WEBHOOK_PREFIX, this::secretMatches, webhook));
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
        "HTTP listening on {}:{} (webhook {}, console {})",
        settings.bindAddress(),
        port(),
        settings.webhookSecret().isPresent() ? "enabled" : "disabled",
        routes.stream().anyMatch(r -> r.path().equals("/console")) ? "enabled" : "disabled");
  }

  /** The port it listens on (useful with an ephemeral port); 0 when not listening. */
  public synchronized int port() {
    return server == null ? 0 : server.getAddress().getPort();
  }

  /** Stops listening and waits briefly for requests in progress. */
  @Override
  public synchronized void close() {
    checkRunner.shutdownNow();
    if (server == null) {
      return;
    }
    server.stop(0);
    requests.shutdown();
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
      Optional<Route> route = routes.stream().filter(r -> r.matches(path)).findFirst();
      if (route.isEmpty()) {
        if (!safePath(path).equals(path)) {
          LOG.debug("HTTP {} {}: no such webhook", method, MASKED_WEBHOOK_PATH);
        }
        Responses.json(exchange, 404, MessageJson.error("not found"));
      } else if (!route.get().method().equals(method)) {
        Responses.methodNotAllowed(exchange, route.get().method());
      } else {
        route.get().handler().handle(exchange, route.get().rest(path));
      }
    } catch (RuntimeException e) {
      LOG.error("HTTP {} {} failed", method, safePath(path), e);
      Responses.internalError(exchange);
    }
  }

  private boolean secretMatches(String candidate) {
    if (secretDigest.isEmpty()) {
      return false;
    }
    // equal-length digests compared in constant time: neither content nor length leaks
    return AccessTokens.matches(secretDigest, candidate);
  }

  static String safePath(String path) {
    return path.startsWith(WEBHOOK_PREFIX) ? MASKED_WEBHOOK_PATH : path;
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
