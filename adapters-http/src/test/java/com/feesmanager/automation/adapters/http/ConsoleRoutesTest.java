package com.feesmanager.automation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOperatorHolds;
import com.feesmanager.automation.adapters.local.InMemoryStatusBoard;
import com.feesmanager.automation.application.ApplyReceiptService;
import com.feesmanager.automation.application.GetStatusService;
import com.feesmanager.automation.application.PreviewOccurrenceService;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in, cookies, CSRF checks and actions over real HTTP on loopback, with the
 * sample academy and the in-memory adapters (the browser flow is {@code ConsoleBrowserIT}).
 */
class ConsoleRoutesTest {

  private static final String TOKEN = "console-token-0123456789";
  private static final String UID = "demo-academy";
  private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newHttpClient();
  private final InMemoryMessageQueue queue =
      new InMemoryMessageQueue(Duration.ofMinutes(2), Duration.ofDays(14));
  private final InMemoryDeliveryLog logs = new InMemoryDeliveryLog();
  private final InMemoryOperatorHolds holds = new InMemoryOperatorHolds();
  private volatile boolean storeDown;

  /** The in-memory logs, unless the test says the store is down. */
  private final DeliveryLog logStore =
      new DeliveryLog() {
        @Override
        public boolean record(MessageLog log) {
          return logs.record(log);
        }

        @Override
        public Optional<MessageLog> find(String uid, MessageKey key) {
          return logs.find(uid, key);
        }

        @Override
        public Optional<MessageLog> findByProviderMessageId(String providerMessageId) {
          return logs.findByProviderMessageId(providerMessageId);
        }

        @Override
        public List<MessageLog> latest(String uid, int limit) {
          if (storeDown) {
            throw new StoreUnavailable("firestore unreachable");
          }
          return logs.latest(uid, limit);
        }
      };

  private HttpSurface server;

  @BeforeEach
  void start() {
    FileAccountData data =
        FileAccountData.load(
            List.of(Path.of("../examples/academy-demo.json")), AccountDefaults.SPEC);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    OperatorConsole console =
        new OperatorConsole(
            data,
            new GetStatusService(queue, data, new InMemoryStatusBoard()),
            logStore,
            queue,
            holds,
            new PreviewOccurrenceService(
                data, data, data, new ReminderPlanner(new PhoneNormaliser("92"))),
            session -> Optional.empty(),
            clock);
    server =
        new HttpSurface(
            new HttpSettings(
                "127.0.0.1",
                SlowClientIT.freePort(),
                Optional.empty(),
                Optional.of(TOKEN),
                Optional.empty()),
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
            () ->
                console
                    .status()
                    .status(
                        new com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery(NOW)),
            new ApplyReceiptService(logs),
            change -> {},
            clock,
            body -> {
              throw new WebhookEvents.Malformed("not used");
            },
            Optional.of(console));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void without_a_token_or_a_session_the_console_answers_the_login_page_with_401() throws Exception {
    HttpResponse<String> page = get("/console", Optional.empty(), Optional.empty());

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("action=\"/console/login\"").doesNotContain(UID);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
  }

  @Test
  void signing_in_sets_an_http_only_same_site_strict_session_cookie_that_opens_the_overview()
      throws Exception {
    // when
    String session = signIn();

    // then
    HttpResponse<String> overview = get("/console", Optional.empty(), Optional.of(session));
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("id=\"account-" + UID + "\"").contains("Not held");
  }

  @Test
  void a_wrong_token_or_a_sign_in_without_its_form_token_is_refused() throws Exception {
    // given
    HttpResponse<String> login = get("/console", Optional.empty(), Optional.empty());
    String loginCookie = cookie(login, ConsoleRoutes.LOGIN_COOKIE);
    String csrf = csrf(login.body());

    // when
    HttpResponse<String> wrong =
        post("/console/login", "csrf=" + csrf + "&token=wrong-token-0123456789", loginCookie);
    HttpResponse<String> noFormToken = post("/console/login", "token=" + TOKEN, loginCookie);

    // then
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong token.");
    assertThat(noFormToken.statusCode()).isEqualTo(403);
    assertThat(wrong.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "="));
  }

  @Test
  void a_hold_posted_without_the_csrf_token_is_refused_and_with_it_is_done() throws Exception {
    // given
    String session = signIn();
    String csrf = csrf(get("/console", Optional.empty(), Optional.of(session)).body());

    // when
    HttpResponse<String> forged = post("/console/hold", "uid=" + UID, session);
    HttpResponse<String> wrongToken =
        post("/console/hold", "uid=" + UID + "&csrf=x" + csrf, session);

    // then
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(holds.heldSince(UID)).isEmpty();

    // when
    HttpResponse<String> held = post("/console/hold", "uid=" + UID + "&csrf=" + csrf, session);

    // then
    assertThat(held.statusCode()).isEqualTo(303);
    assertThat(holds.heldSince(UID)).contains(NOW);
    assertThat(get("/console", Optional.empty(), Optional.of(session)).body())
        .contains("Held since " + NOW);
    assertThat(post("/console/release", "uid=" + UID + "&csrf=" + csrf, session).statusCode())
        .isEqualTo(303);
    assertThat(holds.heldSince(UID)).isEmpty();
    assertThat(post("/console/hold", "uid=nobody&csrf=" + csrf, session).statusCode())
        .isEqualTo(400);
  }

  @Test
  void a_script_with_the_bearer_token_requeues_one_dead_letter_and_drops_the_rest()
      throws Exception {
    // given
    MessageKey first = deadLetter("k-1", "923001234567");
    MessageKey second = deadLetter("k-2", "923009876543");

    // when
    HttpResponse<String> requeued = bearerPost("/console/dead/requeue", "key=" + first.value());
    HttpResponse<String> nothingChosen = bearerPost("/console/dead/drop", "");

    // then
    assertThat(requeued.statusCode()).isEqualTo(303);
    assertThat(requeued.headers().firstValue("Location"))
        .hasValue("/console/dead?done=requeued&n=1");
    assertThat(nothingChosen.statusCode()).isEqualTo(400);
    assertThat(queue.deadLetters(10)).extracting(d -> d.message().key()).containsExactly(second);
    String page = get("/console/dead", Optional.of(TOKEN), Optional.empty()).body();
    assertThat(page).contains("92300*****43").doesNotContain("923009876543");

    // when
    HttpResponse<String> dropped = bearerPost("/console/dead/drop", "all=yes");

    // then
    assertThat(dropped.headers().firstValue("Location")).hasValue("/console/dead?done=dropped&n=1");
    assertThat(queue.deadLetters(10)).isEmpty();
  }

  @Test
  void the_logs_page_filters_by_the_last_digits_and_masks_every_number() throws Exception {
    // given
    logs.record(log("k-a", "923001234567", MessageStatus.SENT));
    logs.record(log("k-b", "923009876543", MessageStatus.FAILED));

    // when
    String page =
        get("/console/logs?account=" + UID + "&digits=4567", Optional.of(TOKEN), Optional.empty())
            .body();

    // then
    assertThat(page).contains("92300*****67").doesNotContain("923001234567");
    assertThat(page).doesNotContain("*****43");
    assertThat(get("/console/logs?digits=12ab", Optional.of(TOKEN), Optional.empty()).body())
        .contains("Last digits must be 1 to 6 digits.");
  }

  @Test
  void a_store_that_cannot_answer_gives_a_503_page_not_a_crash() throws Exception {
    // given
    storeDown = true;

    // when
    HttpResponse<String> page = get("/console/logs", Optional.of(TOKEN), Optional.empty());

    // then
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("The store cannot answer now");
  }

  private String signIn() throws Exception {
    HttpResponse<String> login = get("/console", Optional.empty(), Optional.empty());
    HttpResponse<String> signedIn =
        post(
            "/console/login",
            "csrf=" + csrf(login.body()) + "&token=" + TOKEN,
            cookie(login, ConsoleRoutes.LOGIN_COOKIE));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String setCookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/console");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private MessageKey deadLetter(String key, String digits) {
    MessageKey messageKey = new MessageKey(key);
    QueuedMessage message =
        new QueuedMessage(
            UID,
            "demo",
            "overdue-daily",
            "Overdue",
            "2026-11-20T10:00",
            new PlannedMessage(
                messageKey,
                List.of("s1"),
                List.of("Ali"),
                new PhoneNumber(digits),
                "Fees due",
                List.of()),
            NOW);
    queue.enqueue(message, NOW);
    queue.deadLetter(queue.claimNext("demo", NOW).orElseThrow(), "SEND_FAILED", NOW);
    assertThat(queue.deadLetters(10)).extracting(DeadLetter::message).contains(message);
    return messageKey;
  }

  private static MessageLog log(String key, String digits, MessageStatus status) {
    return new MessageLog(
        UID,
        new MessageKey(key),
        "overdue-daily",
        "Overdue",
        "2026-11-20T10:00",
        "s1",
        "Ali",
        Optional.of(digits),
        "Fees due",
        status,
        Optional.empty(),
        1,
        Optional.of(NOW),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        NOW,
        Optional.empty());
  }

  private static String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a csrf field in the page").isTrue();
    return matcher.group(1);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> get(String path, Optional<String> bearer, Optional<String> cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    cookie.ifPresent(c -> request.header("Cookie", c));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> bearerPost(String path, String form) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
