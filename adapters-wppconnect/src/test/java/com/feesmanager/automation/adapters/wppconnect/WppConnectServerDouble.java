package com.feesmanager.automation.adapters.wppconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wppconnect-server test double: a real HTTP server on a free loopback port that answers the
 * routes of the contract ({@code wppconnect.md}) as wppconnect-server v2.10.4 does — generate-token
 * with the secret key (compared exactly, encryptController.ts), the two 401 bodies of auth.ts, the
 * session state machine (CLOSED → INITIALIZING → QRCODE → CONNECTED → CLOSED), a per-session
 * webhook taken only when start-session creates the session, the crashed browser (status CONNECTED,
 * check-connection false, sends 404) healed only by close-session then start-session, the
 * Portuguese 404 and 400 bodies (including the middleware's 400 for a number that exists, after
 * which it still sends), 201 with ack 1/0/−1 or {@code [false]}, a 500 before or after sending,
 * slow replies, stalls and dropped connections, Express's HTML 404 for unknown paths, and
 * get-messages over each chat's messages. Records every send, and every message that went out in
 * its chat. Thread-safe; tests drive it through its public methods. Reused by the daemon's tests
 * (test-jar).
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

  /** A message in a chat, as get-messages lists it; {@code t} in epoch seconds. */
  public record ChatMessage(String id, String body, boolean fromMe, int ack, long t) {}

  /** What the double does with a send-message request once the session and number pass. */
  public sealed interface SendReply {

    /** Sends, then answers 500 "Erro ao enviar a mensagem." (the look-up after sending threw). */
    record ErrorAfterSending() implements SendReply {}

    /** Sends, then answers 201 with {@code response:[false]} (the look-up returned false). */
    record FalseAfterSending() implements SendReply {}

    /**
     * The middleware's number look-up throws: 400 "O número … não existe." although the number
     * exists, and the message is sent all the same (statusConnection.ts has no return).
     */
    record LyingNotExists() implements SendReply {}

    /** 201 with the message at this ack level (1 sent, 0 pending, −1 refused). */
    record Ack(int ack) implements SendReply {}

    /** Any status and body, e.g. garbage or an unknown shape. */
    record Raw(int status, String body) implements SendReply {}

    /** Reads the request, then waits this long before answering with ack 1. */
    record Slow(Duration delay) implements SendReply {}

    /** Reads the request, then never answers until {@link #releaseStalled()}; then hangs up. */
    record Stall() implements SendReply {}

    /**
     * Sends (the message is in the chat), then never answers until {@link #releaseStalled()}: the
     * client times out, or dies, not knowing the message went out.
     */
    record StallAfterSending() implements SendReply {}

    /** Reads the request, then closes the connection without a reply. */
    record Drop() implements SendReply {}

    static SendReply ack(int ack) {
      return new Ack(ack);
    }

    /** 500 thrown before anything was sent: the chat stays as it was. */
    static SendReply serverError() {
      return new Raw(500, WppConnectPayloads.SEND_ERROR_500);
    }
  }

  private static final char[] BCRYPT_ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private volatile HttpServer server;
  private final ExecutorService executor;
  private final SecureRandom random = new SecureRandom();
  private volatile String secretKey;
  private volatile boolean rejectAllTokens;
  private final Map<String, Set<String>> issuedTokens = new ConcurrentHashMap<>();
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Set<String> crashedBrowsers = ConcurrentHashMap.newKeySet();
  private final Set<String> scanOnStart = ConcurrentHashMap.newKeySet();
  private final Set<String> notOnWhatsApp = ConcurrentHashMap.newKeySet();
  private final Map<String, URI> webhooks = new ConcurrentHashMap<>();
  private final Map<String, List<ChatMessage>> chats = new ConcurrentHashMap<>();
  private volatile boolean failMessageLookups;
  private volatile boolean connectOnStatus;
  private volatile Optional<Duration> startingTakes = Optional.empty();
  private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
  private final Deque<SendReply> scripted = new ArrayDeque<>();
  private final List<RecordedSend> sends = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
  private final Map<String, URI> lastRequestUris = new ConcurrentHashMap<>();
  private final AtomicInteger messageCounter = new AtomicInteger();
  private final AtomicInteger sendsInFlight = new AtomicInteger();
  private final AtomicInteger maxSendsInFlight = new AtomicInteger();
  private volatile CountDownLatch stallRelease = new CountDownLatch(1);
  private volatile Duration statusDelay = Duration.ZERO;
  private volatile Duration slowestSend = Duration.ZERO;
  private volatile Duration quickestSend = Duration.ZERO;

  private WppConnectServerDouble(String secretKey) throws IOException {
    this.secretKey = secretKey;
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "wppconnect-double");
              thread.setDaemon(true);
              return thread;
            });
    this.server = listen(0);
  }

  private HttpServer listen(int port) throws IOException {
    HttpServer listener =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    listener.setExecutor(executor);
    listener.createContext("/", this::handle);
    listener.start();
    return listener;
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

  /**
   * The known lie (server issue #2201): status-session still says CONNECTED, check-connection says
   * false, sends get 404 "not active", start-session changes nothing; only close-session then
   * start-session heals it.
   */
  public void crashBrowser(String session) {
    crashedBrowsers.add(session);
  }

  /**
   * When true, a status-session of a session that is INITIALIZING finishes starting first (a
   * restart that needs no QR, as after close-session), so a process under test sees it connect.
   */
  public void connectOnNextStatus(boolean connect) {
    this.connectOnStatus = connect;
  }

  /**
   * Every start-session that starts the browser finishes starting by itself {@code delay} later
   * (CONNECTED from the saved profile, or QRCODE when a scan is required), as wppconnect-server
   * does (v2.10.4): close-session only closes the browser ({@code clientsArray[session] = {status:
   * null}; req.client.close()}, src/controller/sessionController.ts lines 262–264), and
   * start-session creates it again with the same token store and {@code userDataDir:
   * customUserDataDir + session} (src/util/createSessionUtil.ts lines 50 and 57–59), so WhatsApp
   * Web logs in without a scan. Without this the session stays INITIALIZING until {@link
   * #finishStarting}.
   */
  public void finishStartingAfter(Duration delay) {
    this.startingTakes = Optional.of(delay);
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

  /**
   * Every send answered with ack 1 by default takes between {@code quickest} and {@code slowest}
   * (uniformly at random) before it goes out and is answered, so that faults land mid-send.
   */
  public void slowSends(Duration quickest, Duration slowest) {
    this.quickestSend = quickest;
    this.slowestSend = slowest;
  }

  /**
   * The server process is gone for {@code downFor}: the listener stops (connections refused, those
   * in progress dropped) and listens again on the same port afterwards, with the same sessions,
   * tokens and chats (they live in the browser and on the phone, not in the process). Blocks for
   * {@code downFor}.
   */
  public void goAway(Duration downFor) throws InterruptedException {
    int port = server.getAddress().getPort();
    server.stop(0);
    Thread.sleep(downFor.toMillis());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        server = listen(port);
        return;
      } catch (IOException portNotFreeYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "cannot listen on port " + port + " again", portNotFreeYet);
        }
        Thread.sleep(100);
      }
    }
  }

  /** Every issued token stops working (401); generate-token with the same key issues new ones. */
  public void invalidateTokens() {
    issuedTokens.clear();
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

  /** When true, get-messages answers 401 "Error on open list" (WhatsApp Web's look-up threw). */
  public void failMessageLookups(boolean fail) {
    this.failMessageLookups = fail;
  }

  /** The messages of the chat with {@code digits} on {@code session}, oldest first. */
  public List<ChatMessage> chat(String session, String digits) {
    return List.copyOf(chats.getOrDefault(chatKey(session, digits), List.of()));
  }

  /** How many messages went out to {@code digits} (in any session), whatever the reply said. */
  public long delivered(String digits) {
    return chats.entrySet().stream()
        .filter(e -> e.getKey().endsWith("|" + digits))
        .mapToLong(e -> e.getValue().size())
        .sum();
  }

  /** The parent wrote {@code text} into the chat (an incoming message, not from us). */
  public void receive(String session, String digits, String text) {
    chats
        .computeIfAbsent(chatKey(session, digits), k -> new CopyOnWriteArrayList<>())
        .add(
            new ChatMessage(
                "false_" + digits + "@c.us_" + newId(digits).substring(5),
                text,
                false,
                0,
                Instant.now().getEpochSecond()));
  }

  /** The request URI (path and query) of the last request to {@code route}. */
  public Optional<URI> lastRequestUri(String route) {
    return Optional.ofNullable(lastRequestUris.get(route));
  }

  /** The webhook URL {@code session} was created with (start-session of a CLOSED session). */
  public Optional<URI> webhook(String session) {
    return Optional.ofNullable(webhooks.get(session));
  }

  /**
   * POSTs an onack event for {@code messageId} (any ack from −7 to 5) to the session's webhook;
   * returns the status.
   */
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
    lastRequestUris.put(route, exchange.getRequestURI());
    if (!authorized(exchange, session)) {
      return;
    }
    if (route.equals("status-session") || route.equals("check-connection-session")) {
      pause(statusDelay);
    }
    switch (method + " " + route) {
      case "GET status-session" -> {
        if (connectOnStatus) {
          finishStarting(session);
        }
        reply(exchange, 200, WppConnectPayloads.status(state(session).name()));
      }
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
      case "GET get-messages" -> {
        if (path.size() != 4) {
          notFound(exchange, method);
        } else {
          getMessages(exchange, session, path.get(3));
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
    // the real server compares the key exactly (encryptController.ts)
    if (!key.equals(secretKey)) {
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
      // auth.ts: a header without a word after the space is "not present" too
      reply(exchange, 401, WppConnectPayloads.NO_TOKEN_401);
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
    State before = state(session);
    // the body's webhook is taken only when the session is created; a running one keeps its own
    if (before == State.CLOSED
        && body.get("webhook") instanceof String webhook
        && !webhook.isBlank()) {
      webhooks.put(session, URI.create(webhook));
    }
    // answers with the current state first, then starts the browser in the background
    reply(exchange, 200, WppConnectPayloads.status(before.name()));
    if (before == State.CLOSED) {
      setState(session, State.INITIALIZING);
      int start = starts.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
      startingTakes.ifPresent(
          delay ->
              CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor)
                  .execute(
                      () -> {
                        // only this start finishes: a later close + start waits its own delay
                        if (starts.get(session).get() == start) {
                          finishStarting(session);
                        }
                      }));
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
      next = scripted.isEmpty() ? defaultReply() : scripted.poll();
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
      // a refused message (ack −1) never reaches the chat
      String id =
          ack.ack() < 0 ? newId(phone) : wentOut(session, phone, message, Math.max(ack.ack(), 0));
      reply(exchange, 201, sentBody(id, phone, message, ack.ack()));
    } else if (next instanceof SendReply.ErrorAfterSending) {
      wentOut(session, phone, message, 1);
      reply(exchange, 500, WppConnectPayloads.SEND_ERROR_500);
    } else if (next instanceof SendReply.FalseAfterSending) {
      wentOut(session, phone, message, 1);
      reply(exchange, 201, WppConnectPayloads.SENT_FALSE_201);
    } else if (next instanceof SendReply.LyingNotExists) {
      // the middleware answers first, then the controller sends anyway
      reply(exchange, 400, WppConnectPayloads.notOnWhatsApp400(phone));
      wentOut(session, phone, message, 1);
    } else if (next instanceof SendReply.Raw rawReply) {
      reply(exchange, rawReply.status(), rawReply.body());
    } else if (next instanceof SendReply.Slow slow) {
      await(stallRelease, slow.delay());
      reply(exchange, 201, sentBody(wentOut(session, phone, message, 1), phone, message, 1));
    } else if (next instanceof SendReply.StallAfterSending) {
      wentOut(session, phone, message, 1);
      await(stallRelease, Duration.ofSeconds(60));
      hangUp(exchange);
    } else if (next instanceof SendReply.Stall) {
      await(stallRelease, Duration.ofSeconds(60));
      hangUp(exchange);
    } else {
      hangUp(exchange);
    }
  }

  private SendReply defaultReply() {
    Duration slowest = slowestSend;
    if (slowest.isZero()) {
      return new SendReply.Ack(1);
    }
    long quickest = quickestSend.toMillis();
    long spread = Math.max(0, slowest.toMillis() - quickest);
    return new SendReply.Slow(Duration.ofMillis(quickest + random.nextLong(spread + 1)));
  }

  private void checkNumber(HttpExchange exchange, String session, String phone) throws IOException {
    if (!active(session)) {
      reply(exchange, 404, WppConnectPayloads.SESSION_DOWN_404);
      return;
    }
    reply(exchange, 200, WppConnectPayloads.numberStatus(phone, !notOnWhatsApp.contains(phone)));
  }

  private static String sentBody(String id, String phone, String message, int ack) {
    return WppConnectPayloads.sent201(id, phone, message, ack);
  }

  /** The message went out: it is in the chat, stamped now; returns its id. */
  private String wentOut(String session, String phone, String message, int ack) {
    String id = newId(phone);
    chats
        .computeIfAbsent(chatKey(session, phone), k -> new CopyOnWriteArrayList<>())
        .add(new ChatMessage(id, message, true, ack, Instant.now().getEpochSecond()));
    return id;
  }

  private String newId(String phone) {
    String hex = String.format("3EB0%016X", messageCounter.incrementAndGet());
    return WppConnectPayloads.messageId(phone, hex);
  }

  private static String chatKey(String session, String digits) {
    return session + "|" + digits;
  }

  /** get-messages/{phone}@c.us?count=n: the chat's last n messages, oldest first. */
  private void getMessages(HttpExchange exchange, String session, String chatId)
      throws IOException {
    if (!active(session)) {
      reply(exchange, 404, WppConnectPayloads.SESSION_DOWN_404);
      return;
    }
    if (failMessageLookups) {
      reply(exchange, 401, WppConnectPayloads.OPEN_LIST_ERROR_401);
      return;
    }
    int count = 20;
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("count=")) {
          count = Integer.parseInt(pair.substring("count=".length()));
        }
      }
    }
    String digits = chatId.endsWith("@c.us") ? chatId.substring(0, chatId.length() - 5) : chatId;
    List<ChatMessage> chat = chat(session, digits);
    List<ChatMessage> last = chat.subList(Math.max(0, chat.size() - count), chat.size());
    reply(exchange, 200, WppConnectPayloads.messages(chatId, last));
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
    return Json.readObject(raw).orElse(Map.of());
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
