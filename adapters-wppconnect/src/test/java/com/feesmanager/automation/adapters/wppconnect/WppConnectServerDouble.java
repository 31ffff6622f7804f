package com.feesmanager.automation.adapters.wppconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wppconnect-server test double: a real HTTP server on a free loopback port that answers the
 * routes of the contract ({@code wppconnect.md}) with their exact status codes and bodies —
 * generate-token with the secret key, the three 401 bodies, the session state machine (CLOSED →
 * INITIALIZING → QRCODE → CONNECTED → CLOSED), the Portuguese 404 and 400 bodies, 201 with ack
 * 1/0/−1, 500, slow replies, stalls and dropped connections on demand — and records every send.
 * Thread-safe; tests drive it through its public methods. Reused by the daemon's tests (test-jar).
 */
public final class WppConnectServerDouble implements AutoCloseable {

  /** wppconnect-server's default {@code SECRET_KEY}. */
  public static final String DEFAULT_SECRET = "THISISMYSECURETOKEN";

  /** The session states wppconnect-server reports in status-session. */
  public enum State {
    CLOSED,
    INITIALIZING,
    QRCODE,
    PHONECODE,
    CONNECTED
  }

  /**
   * One send-message request that passed authentication, as the double received it; {@code
   * receivedAt} is when the double began handling it, before reading its body.
   */
  public record RecordedSend(
      String session,
      String phone,
      String message,
      Object isGroup,
      String rawBody,
      String reply,
      Instant receivedAt) {}

  /** What the double does with a send-message request once the session and number pass. */
  public sealed interface SendReply {

    /** 201 with the message at this ack level (1 sent, 0 pending, −1 refused). */
    record Ack(int ack) implements SendReply {}

    /** Any status and body, e.g. garbage or an unknown shape. */
    record Raw(int status, String body) implements SendReply {}

    /** Reads the request, then waits this long before answering with ack 1. */
    record Slow(Duration delay) implements SendReply {}

    /** Reads the request, then never answers until {@link #releaseStalled()}; then hangs up. */
    record Stall() implements SendReply {}

    /** Reads the request, then closes the connection without a reply. */
    record Drop() implements SendReply {}

    static SendReply ack(int ack) {
      return new Ack(ack);
    }

    static SendReply serverError() {
      return new Raw(500, WppConnectPayloads.SEND_ERROR_500);
    }
  }

  private static final char[] BCRYPT_ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final HttpServer server;
  private final ExecutorService executor;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json = ObjectMapper.getDefault();
  private volatile String secretKey;
  private volatile boolean rejectAllTokens;
  private final Map<String, Set<String>> issuedTokens = new ConcurrentHashMap<>();
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Set<String> crashedBrowsers = ConcurrentHashMap.newKeySet();
  private final Set<String> scanOnStart = ConcurrentHashMap.newKeySet();
  private final Set<String> notOnWhatsApp = ConcurrentHashMap.newKeySet();
  private final Map<String, URI> webhooks = new ConcurrentHashMap<>();
  private final Deque<SendReply> scripted = new ArrayDeque<>();
  private final List<RecordedSend> sends = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
  private final AtomicInteger messageCounter = new AtomicInteger();
  private final AtomicInteger sendsInFlight = new AtomicInteger();
  private final AtomicInteger maxSendsInFlight = new AtomicInteger();
  private volatile CountDownLatch stallRelease = new CountDownLatch(1);
  private volatile Duration statusDelay = Duration.ZERO;

  private WppConnectServerDouble(String secretKey) throws IOException {
    this.secretKey = secretKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "wppconnect-double");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a double with the default secret key on a free loopback port. */
  public static WppConnectServerDouble start() {
    return start(DEFAULT_SECRET);
  }

  /** Starts a double whose {@code SECRET_KEY} is {@code secretKey} on a free loopback port. */
  public static WppConnectServerDouble start(String secretKey) {
    try {
      return new WppConnectServerDouble(secretKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the wppconnect-server double", e);
    }
  }

  /** The server URL, e.g. {@code http://127.0.0.1:43121}. */
  public URI baseUrl() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  public String secretKey() {
    return secretKey;
  }

  // --- tokens ---------------------------------------------------------------------------------

  /** A token valid for {@code session}, as generate-token would issue it. */
  public String issueToken(String session) {
    String token = bcryptLooking();
    issuedTokens.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(token);
    return token;
  }

  /** Every token stops working and generate-token needs the new key (the server was redeployed). */
  public void changeSecretKey(String newSecretKey) {
    this.secretKey = newSecretKey;
    issuedTokens.clear();
  }

  /** When true, every authenticated route answers 401, even with a token just issued. */
  public void rejectAllTokens(boolean reject) {
    this.rejectAllTokens = reject;
  }

  // --- sessions -------------------------------------------------------------------------------

  public State state(String session) {
    return states.getOrDefault(session, State.CLOSED);
  }

  public void setState(String session, State state) {
    states.put(session, Objects.requireNonNull(state));
    if (state != State.CONNECTED) {
      crashedBrowsers.remove(session);
    }
  }

  /** Shortcut: the session is logged in and ready. */
  public void connect(String session) {
    setState(session, State.CONNECTED);
  }

  /** When true, a start-session of this session goes through QRCODE (a human must scan). */
  public void requireScanOnStart(String session, boolean required) {
    if (required) {
      scanOnStart.add(session);
    } else {
      scanOnStart.remove(session);
    }
  }

  /** INITIALIZING → QRCODE (when a scan is required) or CONNECTED. */
  public void finishStarting(String session) {
    if (state(session) == State.INITIALIZING) {
      setState(session, scanOnStart.contains(session) ? State.QRCODE : State.CONNECTED);
    }
  }

  /** QRCODE → CONNECTED: the operator scanned the code. */
  public void scanQr(String session) {
    if (state(session) == State.QRCODE || state(session) == State.PHONECODE) {
      setState(session, State.CONNECTED);
    }
  }

  /** A slow gateway: status-session and check-connection-session answer after {@code delay}. */
  public void delayStatusChecks(Duration delay) {
    this.statusDelay = delay;
  }

  /** The known lie: status-session still says CONNECTED, but sends get 404 "not active". */
  public void crashBrowser(String session) {
    crashedBrowsers.add(session);
  }

  // --- numbers and sends ----------------------------------------------------------------------

  /** The number has no WhatsApp account: sends get the Portuguese 400. */
  public void notOnWhatsApp(String digits) {
    notOnWhatsApp.add(digits);
  }

  /** The next send-message requests get these replies, in order; then ack 1 again. */
  public void replyToNextSends(SendReply... replies) {
    synchronized (scripted) {
      Collections.addAll(scripted, replies);
    }
  }

  /** Lets stalled requests go (their connections are closed without a reply). */
  public void releaseStalled() {
    CountDownLatch release = stallRelease;
    stallRelease = new CountDownLatch(1);
    release.countDown();
  }

  /** Every send-message request that passed authentication, in arrival order. */
  public List<RecordedSend> sends() {
    return List.copyOf(sends);
  }

  /** The most send-message requests the double was handling at the same time. */
  public int maxConcurrentSends() {
    return maxSendsInFlight.get();
  }

  /** How many requests reached a route ({@code send-message}, {@code generate-token} …). */
  public int requests(String route) {
    AtomicInteger count = requestCounts.get(route);
    return count == null ? 0 : count.get();
  }

  /** The webhook URL the last start-session of {@code session} registered. */
  public Optional<URI> webhook(String session) {
    return Optional.ofNullable(webhooks.get(session));
  }

  /** POSTs an onack event for {@code messageId} to the session's webhook; returns the status. */
  public int postAck(String session, String messageId, int ack) {
    return postToWebhook(session, WppConnectPayloads.onAck(session, messageId, ack));
  }

  /** POSTs a status-find event to the session's webhook; returns the status. */
  public int postStatusFind(String session, String status) {
    return postToWebhook(session, WppConnectPayloads.statusFind(session, status));
  }

  private int postToWebhook(String session, String body) {
    URI url =
        webhook(session)
            .orElseThrow(
                () -> new IllegalStateException("no webhook registered for session " + session));
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("webhook POST failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    stallRelease.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  // --- the server -----------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String[] parts = exchange.getRequestURI().getRawPath().split("/");
    List<String> path = new ArrayList<>();
    for (String part : parts) {
      if (!part.isEmpty()) {
        path.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    if (path.size() == 1 && path.get(0).equals("healthz") && method.equals("GET")) {
      count("healthz");
      reply(exchange, 200, "{\"uptime\":12.5,\"message\":\"OK\",\"timestamp\":1764072000000}");
      return;
    }
    if (path.size() == 4 && path.get(0).equals("api") && path.get(3).equals("generate-token")) {
      count("generate-token");
      generateToken(exchange, path.get(1), path.get(2));
      return;
    }
    if (path.size() < 3 || !path.get(0).equals("api")) {
      notFound(exchange, method);
      return;
    }
    String session = path.get(1);
    String route = path.get(2);
    count(route);
    if (!authorized(exchange, session)) {
      return;
    }
    if (route.equals("status-session") || route.equals("check-connection-session")) {
      pause(statusDelay);
    }
    switch (method + " " + route) {
      case "GET status-session" ->
          reply(exchange, 200, WppConnectPayloads.status(state(session).name()));
      case "GET check-connection-session" ->
          reply(
              exchange,
              200,
              active(session)
                  ? "{\"status\":true,\"message\":\"Connected\"}"
                  : "{\"status\":false,\"message\":\"Disconnected\"}");
      case "POST start-session" -> startSession(exchange, session);
      case "POST close-session" -> {
        setState(session, State.CLOSED);
        reply(exchange, 200, WppConnectPayloads.SESSION_CLOSED);
      }
      case "POST send-message" -> {
        maxSendsInFlight.accumulateAndGet(sendsInFlight.incrementAndGet(), Math::max);
        try {
          sendMessage(exchange, session);
        } finally {
          sendsInFlight.decrementAndGet();
        }
      }
      case "GET check-number-status" -> {
        if (path.size() != 4) {
          notFound(exchange, method);
        } else {
          checkNumber(exchange, session, path.get(3));
        }
      }
      default -> notFound(exchange, method);
    }
  }

  private void generateToken(HttpExchange exchange, String session, String key) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      notFound(exchange, exchange.getRequestMethod());
      return;
    }
    // the real server compares the key with '/' replaced by '_' on both sides
    if (!key.replace('/', '_').equals(secretKey.replace('/', '_'))) {
      reply(exchange, 400, WppConnectPayloads.WRONG_SECRET_400);
      return;
    }
    String token = issueToken(session);
    reply(
        exchange,
        201,
        "{\"status\":\"success\",\"session\":"
            + WppConnectPayloads.quote(session)
            + ",\"token\":"
            + WppConnectPayloads.quote(token)
            + ",\"full\":"
            + WppConnectPayloads.quote(session + ":" + token)
            + "}");
  }

  private boolean authorized(HttpExchange exchange, String session) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      reply(exchange, 401, WppConnectPayloads.NO_TOKEN_401);
      return false;
    }
    String[] words = header.split(" ");
    if (words.length < 2 || words[1].isEmpty()) {
      // the real middleware throws on a header without a token and answers with the error object
      reply(exchange, 401, WppConnectPayloads.BROKEN_HEADER_401);
      return false;
    }
    Set<String> tokens = issuedTokens.getOrDefault(session, Set.of());
    if (rejectAllTokens || !tokens.contains(words[1])) {
      reply(exchange, 401, WppConnectPayloads.WRONG_TOKEN_401);
      return false;
    }
    return true;
  }

  private void startSession(HttpExchange exchange, String session) throws IOException {
    Map<?, ?> body = readObject(exchange);
    if (body.get("webhook") instanceof String webhook && !webhook.isBlank()) {
      webhooks.put(session, URI.create(webhook));
    }
    State before = state(session);
    // answers with the current state first, then starts the browser in the background
    reply(exchange, 200, WppConnectPayloads.status(before.name()));
    if (before == State.CLOSED) {
      setState(session, State.INITIALIZING);
    }
  }

  private boolean active(String session) {
    return state(session) == State.CONNECTED && !crashedBrowsers.contains(session);
  }

  private void sendMessage(HttpExchange exchange, String session) throws IOException {
    Instant receivedAt = Instant.now();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    Map<?, ?> body = parseObject(raw);
    String phone =
        body.get("phone") instanceof String text ? text : String.valueOf(body.get("phone"));
    String message = body.get("message") instanceof String text ? text : "";
    String rawBody = new String(raw, StandardCharsets.UTF_8);
    if (!active(session)) {
      sends.add(
          new RecordedSend(
              session, phone, message, body.get("isGroup"), rawBody, "404", receivedAt));
      reply(exchange, 404, WppConnectPayloads.SESSION_DOWN_404);
      return;
    }
    if (notOnWhatsApp.contains(phone)) {
      sends.add(
          new RecordedSend(
              session, phone, message, body.get("isGroup"), rawBody, "400", receivedAt));
      reply(exchange, 400, WppConnectPayloads.notOnWhatsApp400(phone));
      return;
    }
    SendReply next;
    synchronized (scripted) {
      next = scripted.isEmpty() ? new SendReply.Ack(1) : scripted.poll();
    }
    sends.add(
        new RecordedSend(
            session,
            phone,
            message,
            body.get("isGroup"),
            rawBody,
            next.getClass().getSimpleName(),
            receivedAt));
    if (next instanceof SendReply.Ack ack) {
      reply(exchange, 201, sentBody(phone, message, ack.ack()));
    } else if (next instanceof SendReply.Raw rawReply) {
      reply(exchange, rawReply.status(), rawReply.body());
    } else if (next instanceof SendReply.Slow slow) {
      await(stallRelease, slow.delay());
      reply(exchange, 201, sentBody(phone, message, 1));
    } else if (next instanceof SendReply.Stall) {
      await(stallRelease, Duration.ofSeconds(60));
      hangUp(exchange);
    } else {
      hangUp(exchange);
    }
  }

  private void checkNumber(HttpExchange exchange, String session, String phone) throws IOException {
    if (!active(session)) {
      reply(exchange, 404, WppConnectPayloads.SESSION_DOWN_404);
      return;
    }
    reply(exchange, 200, WppConnectPayloads.numberStatus(phone, !notOnWhatsApp.contains(phone)));
  }

  private String sentBody(String phone, String message, int ack) {
    String hex = String.format("3EB0%016X", messageCounter.incrementAndGet());
    return WppConnectPayloads.sent201(
        WppConnectPayloads.messageId(phone, hex), phone, message, ack);
  }

  private void notFound(HttpExchange exchange, String method) throws IOException {
    byte[] body =
        ("<!DOCTYPE html><html><body><pre>Cannot "
                + method
                + " "
                + exchange.getRequestURI().getRawPath()
                + "</pre></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(404, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Closes the connection without a status line: the client sees a reset or an early EOF. */
  private static void hangUp(HttpExchange exchange) {
    // closing before sendResponseHeaders makes the JDK server drop the connection
    exchange.close();
  }

  private static void await(CountDownLatch latch, Duration atMost) {
    try {
      latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<?, ?> readObject(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return parseObject(in.readAllBytes());
    }
  }

  private Map<?, ?> parseObject(byte[] raw) {
    if (raw.length == 0) {
      return Map.of();
    }
    try {
      Object value = json.readValue(raw, Object.class);
      return value instanceof Map<?, ?> map ? map : Map.of();
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void count(String route) {
    requestCounts.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
  }

  private String bcryptLooking() {
    StringBuilder token = new StringBuilder("$2b$10$");
    for (int i = 0; i < 53; i++) {
      token.append(BCRYPT_ALPHABET[random.nextInt(BCRYPT_ALPHABET.length)]);
    }
    // the real server hands out the hash with '/' replaced by '_'
    return token.toString().replace('/', '_');
  }
}
