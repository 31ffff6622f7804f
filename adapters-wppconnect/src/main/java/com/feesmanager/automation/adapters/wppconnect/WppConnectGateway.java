package com.feesmanager.automation.adapters.wppconnect;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.gson.JsonObject;
import dev.failsafe.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp gateway over one wppconnect-server and many sessions (SPEC §6): every reply of the
 * contract's outcome table becomes a {@link SendResult}, a dead session costs one probe per {@link
 * WppConnectConfig#probeInterval()} (a circuit breaker per session), and a refused token is
 * regenerated once, never in a loop. Thread-safe; the owner closes it.
 */
public final class WppConnectGateway implements WhatsAppGateway, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WppConnectGateway.class);

  /**
   * How much earlier than our send a found message may be stamped: its {@code t} comes from the
   * server's browser clock, ours from this host's (decision: docs/decisions/wppconnect-faults.md).
   */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** The chat's latest messages searched for an ambiguous send. */
  static final int LOOKUP_COUNT = 20;

  /**
   * Sends refused as "not active" in a row since the session was last seen entering CONNECTED,
   * while the state still says CONNECTED: a crashed browser.
   */
  static final int NOT_ACTIVE_IN_A_ROW = 2;

  private final WppConnectConfig config;
  private final HttpTransport transport;
  private final Tokens tokens;
  private final Map<String, CircuitBreaker<SendResult>> breakers = new ConcurrentHashMap<>();
  private final Map<String, SendResult> lastHold = new ConcurrentHashMap<>();
  private final Map<String, SessionState> lastState = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> notActiveInARow = new ConcurrentHashMap<>();
  private final Map<String, String> misconfigured = new ConcurrentHashMap<>();

  /** The QR code each session showed in its last status answer, while it waits for a scan. */
  private final Map<String, String> qrCodes = new ConcurrentHashMap<>();

  public WppConnectGateway(WppConnectConfig config) {
    this.config = Objects.requireNonNull(config, "'config' must not be null");
    this.transport = new HttpTransport(config);
    this.tokens = new Tokens(config, transport::exchange);
  }

  @Override
  public SendResult send(String session, PhoneNumber to, String text) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    CircuitBreaker<SendResult> breaker = breaker(session);
    if (!breaker.tryAcquirePermit()) {
      return heldWhileOpen(session, breaker);
    }
    Attempt attempt;
    try {
      attempt = doSend(session, to, text);
    } catch (RuntimeException e) {
      breaker.recordFailure();
      throw e;
    }
    SendResult result = redacted(attempt.result());
    if (attempt.holdsSession()) {
      lastHold.put(session, result);
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
    countNotActive(session, result);
    log(session, to, result);
    return result;
  }

  /**
   * A send's outcome, and whether it says the session (not the message) is unwell: down,
   * unreachable, refused, misconfigured, or hanging. An ambiguous reply the server did give (a 500,
   * a 2xx without a message) says nothing about the session and does not hold it.
   */
  private record Attempt(SendResult result, boolean holdsSession) {}

  private void countNotActive(String session, SendResult result) {
    AtomicInteger count = notActiveInARow.computeIfAbsent(session, s -> new AtomicInteger());
    if (result instanceof SendResult.SessionDown) {
      count.incrementAndGet();
    } else if (result instanceof SendResult.Sent) {
      count.set(0);
    }
  }

  private Attempt doSend(String session, PhoneNumber to, String text) {
    JsonObject body = new JsonObject();
    body.addProperty("phone", to.digits());
    body.addProperty("message", text);
    body.addProperty("isGroup", false);
    byte[] json = Json.write(body);
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "send-message");
    Exchange exchange =
        authorized(
            session,
            token ->
                request(uri, token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                    .build());
    if (exchange instanceof Exchange.Replied replied) {
      if (Replies.saysNumberDoesNotExist(replied)) {
        return new Attempt(numberSaidMissing(session, to, replied), false);
      }
      SendResult result = Replies.ofSend(replied);
      boolean proxyTimedOut = replied.status() == 504;
      return new Attempt(
          result,
          proxyTimedOut
              || result instanceof SendResult.SessionDown
              || result instanceof SendResult.Unreachable
              || result instanceof SendResult.AuthenticationFailed
              || result instanceof SendResult.Misconfigured);
    }
    if (exchange instanceof Exchange.NotWritten notWritten) {
      return new Attempt(new SendResult.Unreachable(notWritten.detail()), true);
    }
    if (exchange instanceof Exchange.Refused refused) {
      return new Attempt(new SendResult.AuthenticationFailed(refused.detail()), true);
    }
    // a hanging server: ask about this message, and probe before the next one
    return new Attempt(
        new SendResult.UnknownOutcome(((Exchange.Lost) exchange).detail(), true), true);
  }

  /**
   * The middleware's 400 "does not exist" is also its answer when its own number look-up threw, and
   * then it still sends: only check-number-status saying so makes it a permanent failure.
   */
  private SendResult numberSaidMissing(String session, PhoneNumber to, Exchange.Replied replied) {
    SendResult rejected = Replies.ofSend(replied);
    NumberCheck check = checkNumber(session, to);
    if (check instanceof NumberCheck.DoesNotExist) {
      return rejected;
    }
    String detail = rejected instanceof SendResult.Failed failed ? failed.detail() : "HTTP 400";
    return new SendResult.UnknownOutcome(
        detail
            + "; check-number-status says "
            + (check instanceof NumberCheck.Exists ? "it exists" : "nothing")
            + ", so the server may have sent it");
  }

  @Override
  public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(notBefore, "'notBefore' must not be null");
    URI uri =
        URI.create(
            Paths.resolve(config.serverUrl(), "api", session, "get-messages", to.digits() + "@c.us")
                + "?count="
                + LOOKUP_COUNT);
    Exchange exchange = authorized(session, token -> request(uri, token).GET().build());
    SentLookup lookup;
    if (exchange instanceof Exchange.Replied replied) {
      lookup = Replies.ofMessages(replied, text, notBefore.minus(CLOCK_SKEW));
    } else if (exchange instanceof Exchange.Lost) {
      lookup = new SentLookup.NoAnswer("get-messages: " + failureDetail(exchange));
    } else {
      // nothing reached the server, or it refused our credentials: ask again later
      lookup = new SentLookup.NotNow("get-messages: " + failureDetail(exchange));
    }
    if (lookup instanceof SentLookup.NoAnswer noAnswer) {
      lookup = new SentLookup.NoAnswer(tokens.redact(noAnswer.detail()));
    } else if (lookup instanceof SentLookup.NotNow notNow) {
      lookup = new SentLookup.NotNow(tokens.redact(notNow.detail()));
    }
    LOG.info(
        "get-messages of {} on session {} for a send since {}: {}",
        to.masked(),
        session,
        notBefore,
        lookup instanceof SentLookup.Found || lookup instanceof SentLookup.NotFound
            ? lookup.getClass().getSimpleName()
            : lookup);
    return lookup;
  }

  /**
   * DEAD when check-connection-session says false, or when it says true but the last sends were
   * refused as "not active" in a row; callers ask only while the state says CONNECTED.
   */
  @Override
  public ConnectionCheck checkConnection(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "check-connection-session");
    Exchange exchange = authorized(session, token -> request(uri, token).GET().build());
    Optional<Boolean> connected =
        exchange instanceof Exchange.Replied replied && replied.status() == 200
            ? Json.readObject(replied.body()).flatMap(body -> Json.bool(body.get("status")))
            : Optional.empty();
    if (connected.isEmpty()) {
      return ConnectionCheck.CANNOT_TELL;
    }
    int refused = notActiveInARow.computeIfAbsent(session, s -> new AtomicInteger()).get();
    if (!connected.get() || refused >= NOT_ACTIVE_IN_A_ROW) {
      LOG.warn(
          "session {} says CONNECTED but cannot send (check-connection {}, {} send(s) refused as"
              + " not active in a row)",
          session,
          connected.get(),
          refused);
      return ConnectionCheck.DEAD;
    }
    return ConnectionCheck.ALIVE;
  }

  @Override
  public boolean closeSession(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "close-session");
    Exchange exchange =
        authorized(
            session,
            token -> request(uri, token).POST(HttpRequest.BodyPublishers.noBody()).build());
    boolean closed =
        exchange instanceof Exchange.Replied replied
            && replied.status() == 200
            && Json.readObject(replied.body())
                .flatMap(body -> Json.bool(body.get("status")))
                .orElse(false);
    notActiveInARow.remove(session);
    LOG.warn("close-session for session {}: {}", session, closed ? "closed" : "not confirmed");
    return closed;
  }

  /**
   * Why the server URL is wrong, when the last status-session of {@code session} was answered by
   * something that is not wppconnect-server's API (an HTML 404 page).
   */
  public Optional<String> misconfiguration(String session) {
    return Optional.ofNullable(misconfigured.get(session));
  }

  @Override
  public Optional<String> pairingQr(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    return Optional.ofNullable(qrCodes.get(session));
  }

  @Override
  public SessionState sessionState(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "status-session");
    Exchange exchange = authorized(session, token -> request(uri, token).GET().build());
    SessionState state = stateOf(session, "status-session", exchange);
    CircuitBreaker<SendResult> breaker = breaker(session);
    if (state.canSend()) {
      // the health check found it ready: let the next send through at once
      breaker.close();
    } else if (breaker.isClosed()) {
      lastHold.put(session, redacted(holdFor(state, exchange)));
      breaker.open();
    }
    return state;
  }

  /**
   * The session's state as status-session reports it now, changing nothing: unlike {@link
   * #sessionState} it neither opens nor closes the send breaker and remembers nothing, so asking it
   * (readiness, SPEC §8) has no effect on delivery.
   */
  public SessionState probeSessionState(String session) {
    return statusSession(session) instanceof Exchange.Replied replied
        ? Replies.ofStatus(replied)
        : SessionState.UNREACHABLE;
  }

  /**
   * The QR code status-session shows (a {@code data:image/…} URL) while the session waits for a
   * scan; empty otherwise. Changes nothing, like {@link #probeSessionState}.
   */
  public Optional<String> qrCode(String session) {
    if (statusSession(session) instanceof Exchange.Replied replied
        && Replies.ofStatus(replied) == SessionState.NEEDS_SCAN) {
      return Json.readObject(replied.body())
          .flatMap(body -> Json.string(body.get("qrcode")))
          .filter(url -> url.startsWith("data:image/"));
    }
    return Optional.empty();
  }

  private Exchange statusSession(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "status-session");
    return authorized(session, token -> request(uri, token).GET().build());
  }

  @Override
  public SessionState startSession(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    JsonObject body = new JsonObject();
    config.webhookUrl().ifPresent(url -> body.addProperty("webhook", url.toString()));
    body.addProperty("waitQrCode", false);
    byte[] json = Json.write(body);
    URI uri = Paths.resolve(config.serverUrl(), "api", session, "start-session");
    Exchange exchange =
        authorized(
            session,
            token ->
                request(uri, token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                    .build());
    SessionState state = stateOf(session, "start-session", exchange);
    LOG.info("start-session for session {}: server reports {}", session, state);
    return state;
  }

  @Override
  public NumberCheck checkNumber(String session, PhoneNumber number) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(number, "'number' must not be null");
    URI uri =
        Paths.resolve(config.serverUrl(), "api", session, "check-number-status", number.digits());
    Exchange exchange = authorized(session, token -> request(uri, token).GET().build());
    NumberCheck check;
    if (exchange instanceof Exchange.Replied replied && Replies.isNotTheApi(replied)) {
      check =
          new NumberCheck.CannotTell(
              "GATEWAY_MISCONFIGURED", tokens.redact(Replies.misconfiguration(replied)));
    } else if (exchange instanceof Exchange.Replied replied) {
      check = Replies.ofNumberCheck(replied, number.digits());
    } else if (exchange instanceof Exchange.NotWritten notWritten) {
      check = new NumberCheck.CannotTell("GATEWAY_UNREACHABLE", notWritten.detail());
    } else if (exchange instanceof Exchange.Refused refused) {
      check = new NumberCheck.CannotTell("AUTHENTICATION_FAILED", tokens.redact(refused.detail()));
    } else {
      check = new NumberCheck.CannotTell("NO_REPLY", ((Exchange.Lost) exchange).detail());
    }
    LOG.info(
        "check-number-status {} on session {}: {}",
        number.masked(),
        session,
        check.getClass().getSimpleName());
    return check;
  }

  /**
   * One exchange with a bearer token; on 401 the token is regenerated once and the request sent
   * again; a second 401 (or no way to regenerate) is {@link Exchange.Refused}.
   */
  private Exchange authorized(String session, Function<String, HttpRequest> request) {
    Tokens.Outcome token = tokens.current(session);
    if (token instanceof Tokens.Outcome.Failed failed) {
      return failed.failure();
    }
    String value = ((Tokens.Outcome.Token) token).value();
    Exchange first = transport.exchange(request.apply(value));
    if (!isUnauthorized(first)) {
      return first;
    }
    LOG.warn("wppconnect-server refused the token for session {}; generating a new one", session);
    Tokens.Outcome fresh = tokens.regenerate(session, value);
    if (fresh instanceof Tokens.Outcome.Failed failed) {
      return failed.failure();
    }
    Exchange second = transport.exchange(request.apply(((Tokens.Outcome.Token) fresh).value()));
    if (isUnauthorized(second)) {
      return new Exchange.Refused(
          "wppconnect-server refused a freshly generated token for session " + session);
    }
    return second;
  }

  /** A 401 about the token; get-messages' 401 "Error on open list" is a failed look-up instead. */
  private static boolean isUnauthorized(Exchange exchange) {
    return exchange instanceof Exchange.Replied replied
        && replied.status() == 401
        && !Replies.isFailedLookup(replied);
  }

  private HttpRequest.Builder request(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token);
  }

  private SessionState stateOf(String session, String route, Exchange exchange) {
    if (exchange instanceof Exchange.Replied replied && Replies.isNotTheApi(replied)) {
      misconfigured.put(session, tokens.redact(Replies.misconfiguration(replied)));
    } else {
      misconfigured.remove(session);
    }
    SessionState state =
        exchange instanceof Exchange.Replied replied
            ? Replies.ofStatus(replied)
            : SessionState.UNREACHABLE;
    Optional<String> qr =
        state == SessionState.NEEDS_SCAN && exchange instanceof Exchange.Replied replied
            ? Replies.qrCode(replied)
            : Optional.empty();
    qr.ifPresentOrElse(code -> qrCodes.put(session, code), () -> qrCodes.remove(session));
    SessionState before = lastState.put(session, state);
    if (state == SessionState.CONNECTED && before != null && before != SessionState.CONNECTED) {
      // refusals counted before the session was seen connected again were explained by its state
      // (closed, starting); kept, they made a reconnected session look crashed and get restarted
      notActiveInARow.remove(session);
    }
    if (before != state) {
      LOG.info(
          "session {} is {} (was {}, from {}{})",
          session,
          state,
          before == null ? "unknown" : before,
          route,
          exchange instanceof Exchange.Replied
              ? ""
              : ": " + tokens.redact(failureDetail(exchange)));
    }
    return state;
  }

  private static String failureDetail(Exchange exchange) {
    if (exchange instanceof Exchange.NotWritten notWritten) {
      return notWritten.detail();
    }
    if (exchange instanceof Exchange.Lost lost) {
      return lost.detail();
    }
    if (exchange instanceof Exchange.Refused refused) {
      return refused.detail();
    }
    return "";
  }

  private static SendResult holdFor(SessionState state, Exchange exchange) {
    if (exchange instanceof Exchange.NotWritten notWritten) {
      return new SendResult.Unreachable(notWritten.detail());
    }
    if (exchange instanceof Exchange.Refused refused) {
      return new SendResult.AuthenticationFailed(refused.detail());
    }
    if (exchange instanceof Exchange.Replied replied && Replies.isNotTheApi(replied)) {
      return Replies.misconfigured(replied);
    }
    return new SendResult.SessionDown("status-session reports " + state);
  }

  private CircuitBreaker<SendResult> breaker(String session) {
    return breakers.computeIfAbsent(
        session,
        name ->
            CircuitBreaker.<SendResult>builder()
                .withFailureThreshold(1)
                .withSuccessThreshold(1)
                .withDelay(config.probeInterval())
                .onOpen(
                    event ->
                        LOG.warn(
                            "session {} held: one probe per {} until it answers",
                            name,
                            config.probeInterval()))
                .onClose(event -> LOG.info("session {} answers again: sending resumes", name))
                .build());
  }

  /** The hold the last probe found, without asking the server again: nothing was written. */
  private SendResult heldWhileOpen(String session, CircuitBreaker<SendResult> breaker) {
    SendResult last = lastHold.get(session);
    String next = "; next probe in " + Math.max(0, breaker.getRemainingDelay().toSeconds()) + " s";
    if (last instanceof SendResult.Unreachable unreachable) {
      return new SendResult.Unreachable(unreachable.detail() + next);
    }
    if (last instanceof SendResult.AuthenticationFailed refused) {
      return new SendResult.AuthenticationFailed(refused.detail() + next);
    }
    if (last instanceof SendResult.SessionDown down) {
      return new SendResult.SessionDown(down.detail() + next);
    }
    if (last instanceof SendResult.Misconfigured wrong) {
      return new SendResult.Misconfigured(wrong.detail() + next);
    }
    return new SendResult.SessionDown("session " + session + " is not answering" + next);
  }

  private SendResult redacted(SendResult result) {
    if (result instanceof SendResult.Failed failed) {
      return new SendResult.Failed(failed.kind(), failed.reason(), tokens.redact(failed.detail()));
    }
    if (result instanceof SendResult.SessionDown down) {
      return new SendResult.SessionDown(tokens.redact(down.detail()));
    }
    if (result instanceof SendResult.Unreachable unreachable) {
      return new SendResult.Unreachable(tokens.redact(unreachable.detail()));
    }
    if (result instanceof SendResult.AuthenticationFailed refused) {
      return new SendResult.AuthenticationFailed(tokens.redact(refused.detail()));
    }
    if (result instanceof SendResult.UnknownOutcome unknown) {
      return new SendResult.UnknownOutcome(tokens.redact(unknown.detail()), unknown.noReply());
    }
    if (result instanceof SendResult.Misconfigured wrong) {
      return new SendResult.Misconfigured(tokens.redact(wrong.detail()));
    }
    return result;
  }

  private static void log(String session, PhoneNumber to, SendResult result) {
    if (result instanceof SendResult.Sent sent) {
      LOG.info(
          "sent to {} on session {}{}",
          to.masked(),
          session,
          sent.ackPending() ? " (ack pending)" : "");
    } else if (result instanceof SendResult.Failed failed) {
      LOG.warn(
          "send to {} on session {} failed ({} {}): {}",
          to.masked(),
          session,
          failed.kind(),
          failed.reason(),
          failed.detail());
    } else {
      LOG.warn("send to {} on session {}: {}", to.masked(), session, result);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
