package com.feesmanager.automation.adapters.http.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.feesmanager.automation.ports.out.Alert;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Against a real JDK HTTP server on loopback, on a free port. */
class WebhookAlertsTest {

  private static final String SECRET_PATH = "/services/T000/B000/s3cr3tT0ken";
  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");

  private record Received(String contentType, String method, String path, String body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private HttpServer server;
  private volatile int status = 204;
  private volatile boolean hold;
  private volatile Duration delay = Duration.ZERO;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    log.start();
    ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).addAppender(log);
  }

  @AfterEach
  void stop() {
    release.countDown();
    ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).detachAppender(log);
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            new String(body, StandardCharsets.UTF_8)));
    try {
      if (hold) {
        release.await(30, TimeUnit.SECONDS);
      }
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
  }

  private WebhookAlerts alerts(Duration timeout, int capacity, Duration drain) {
    return new WebhookAlerts(url(), timeout, capacity, drain);
  }

  private static Alert alert(String event, String text) {
    return new Alert(Alert.Level.CRITICAL, event, "acct-1", text, AT);
  }

  private static Map<String, Object> json(String text) {
    return new Gson().fromJson(text, new TypeToken<Map<String, Object>>() {});
  }

  private ILoggingEvent awaitWarning(Predicate<String> matching) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (ILoggingEvent event : List.copyOf(log.list)) {
        if (event.getLevel() == Level.WARN && matching.test(event.getFormattedMessage())) {
          return event;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no matching warning in " + log.list);
  }

  @Test
  void posts_the_spec_json_with_a_json_content_type() throws Exception {
    // given
    try (WebhookAlerts alerts = alerts(Duration.ofSeconds(5), 10, Duration.ofSeconds(5))) {
      // when
      alerts.raise(alert("MESSAGE_DEAD", "message to 923001234567 is \"dead\"\nafter 5 attempts"));

      // then
      Received post = received.poll(10, TimeUnit.SECONDS);
      assertThat(post).isNotNull();
      assertThat(post.method()).isEqualTo("POST");
      assertThat(post.path()).isEqualTo(SECRET_PATH);
      assertThat(post.contentType()).isEqualTo("application/json");
      assertThat(json(post.body()))
          .containsOnly(
              Map.entry("level", "CRITICAL"),
              Map.entry("event", "MESSAGE_DEAD"),
              Map.entry("account", "acct-1"),
              Map.entry(
                  "text",
                  "[CRITICAL] MESSAGE_DEAD acct-1: message to 92300*****67 is \"dead\"\n"
                      + "after 5 attempts"),
              Map.entry("at", "2026-11-20T05:00:30Z"));
    }
  }

  @Test
  void slack_gets_its_native_text_body_and_discord_its_content_body() throws Exception {
    // given
    try (WebhookAlerts slack =
            new WebhookAlerts(
                url(), AlertJson.Format.SLACK, Duration.ofSeconds(5), 10, Duration.ofSeconds(5));
        WebhookAlerts discord =
            new WebhookAlerts(
                url(),
                AlertJson.Format.DISCORD,
                Duration.ofSeconds(5),
                10,
                Duration.ofSeconds(5))) {
      // when
      slack.raise(alert("MESSAGE_DEAD", "message to 923001234567 is dead"));
      Received toSlack = received.poll(10, TimeUnit.SECONDS);
      discord.raise(alert("MESSAGE_DEAD", "x".repeat(3000)));
      Received toDiscord = received.poll(10, TimeUnit.SECONDS);

      // then
      assertThat(json(toSlack.body()))
          .containsOnly(
              Map.entry("text", "[CRITICAL] MESSAGE_DEAD acct-1: message to 92300*****67 is dead"));
      assertThat(toSlack.contentType()).isEqualTo("application/json");
      Map<String, Object> content = json(toDiscord.body());
      assertThat(content).containsOnlyKeys("content");
      assertThat((String) content.get("content"))
          .startsWith("[CRITICAL] MESSAGE_DEAD acct-1: xxx")
          .hasSize(AlertJson.DISCORD_MAX);
    }
  }

  @Test
  void the_body_is_chosen_by_the_webhook_url() {
    assertThat(AlertJson.Format.of(URI.create("https://hooks.slack.com/services/T0/B0/abc")))
        .isEqualTo(AlertJson.Format.SLACK);
    assertThat(AlertJson.Format.of(URI.create("https://discord.com/api/webhooks/123/abc")))
        .isEqualTo(AlertJson.Format.DISCORD);
    assertThat(AlertJson.Format.of(URI.create("https://discordapp.com/api/webhooks/123/abc")))
        .isEqualTo(AlertJson.Format.DISCORD);
    assertThat(AlertJson.Format.of(URI.create("https://ptb.discord.com/api/webhooks/1/a")))
        .isEqualTo(AlertJson.Format.DISCORD);
    assertThat(AlertJson.Format.of(URI.create("https://discord.com/channels/1")))
        .isEqualTo(AlertJson.Format.GENERIC);
    assertThat(AlertJson.Format.of(URI.create("https://alerts.example.org/hook")))
        .isEqualTo(AlertJson.Format.GENERIC);
  }

  @Test
  void the_text_alone_says_level_event_and_account_for_slack_and_discord() throws Exception {
    try (WebhookAlerts alerts = alerts(Duration.ofSeconds(5), 10, Duration.ofSeconds(5))) {
      // when an account's warning and a process-wide alert (no account) are raised
      alerts.raise(
          new Alert(Alert.Level.WARNING, "RULE_INVALID", "academy-1", "Rule 'r1' is invalid", AT));
      alerts.raise(new Alert(Alert.Level.CRITICAL, "REDIS_UNREACHABLE", "", "down for 5m", AT));

      // then
      assertThat(json(received.poll(10, TimeUnit.SECONDS).body()))
          .containsEntry("text", "[WARNING] RULE_INVALID academy-1: Rule 'r1' is invalid");
      assertThat(json(received.poll(10, TimeUnit.SECONDS).body()))
          .containsEntry("account", "")
          .containsEntry("text", "[CRITICAL] REDIS_UNREACHABLE: down for 5m");
    }
  }

  @Test
  void a_refused_post_is_logged_without_the_secret_path_and_never_thrown() throws Exception {
    // given
    status = 500;
    try (WebhookAlerts alerts = alerts(Duration.ofSeconds(5), 10, Duration.ofSeconds(5))) {
      // when
      assertThatCode(() -> alerts.raise(alert("RULE_INVALID", "rule r1")))
          .doesNotThrowAnyException();

      // then
      ILoggingEvent warning = awaitWarning(message -> message.contains("HTTP 500"));
      assertThat(warning.getFormattedMessage())
          .contains("RULE_INVALID", "http://127.0.0.1:" + server.getAddress().getPort())
          .doesNotContain("s3cr3t");
    }
  }

  @Test
  void an_unreachable_webhook_is_logged_and_never_thrown() throws Exception {
    // given: nothing listens on the port any more
    URI url = url();
    server.stop(0);
    try (WebhookAlerts alerts =
        new WebhookAlerts(url, Duration.ofSeconds(2), 10, Duration.ofSeconds(5))) {
      // when
      assertThatCode(() -> alerts.raise(alert("SESSION_DOWN", "s1"))).doesNotThrowAnyException();

      // then
      ILoggingEvent warning = awaitWarning(message -> message.contains("not delivered"));
      assertThat(warning.getFormattedMessage()).contains("SESSION_DOWN").doesNotContain("s3cr3t");
    }
  }

  @Test
  void a_slow_webhook_times_out_without_blocking_the_caller() throws Exception {
    // given
    hold = true;
    try (WebhookAlerts alerts = alerts(Duration.ofMillis(300), 10, Duration.ofSeconds(5))) {
      // when
      long start = System.nanoTime();
      alerts.raise(alert("UNKNOWN_OUTCOME", "first"));
      alerts.raise(alert("UNKNOWN_OUTCOME", "second"));
      Duration raising = Duration.ofNanos(System.nanoTime() - start);

      // then: both raised while the webhook still holds the first post
      assertThat(raising).isLessThan(Duration.ofMillis(250));
      ILoggingEvent warning = awaitWarning(message -> message.contains("Timeout"));
      assertThat(warning.getFormattedMessage())
          .contains("UNKNOWN_OUTCOME")
          .doesNotContain("s3cr3t");
    }
  }

  @Test
  void alerts_beyond_the_queue_are_dropped_with_a_warning() throws Exception {
    // given: the only thread is held by the first post, the queue holds one more
    hold = true;
    try (WebhookAlerts alerts = alerts(Duration.ofSeconds(5), 1, Duration.ofMillis(100))) {
      alerts.raise(alert("E1", "first"));
      assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
      alerts.raise(alert("E2", "second"));

      // when
      assertThatCode(() -> alerts.raise(alert("E3", "third"))).doesNotThrowAnyException();

      // then
      awaitWarning(message -> message.contains("E3") && message.contains("dropped"));
    }
  }

  @Test
  void close_drains_queued_posts() throws Exception {
    // given
    delay = Duration.ofMillis(50);
    WebhookAlerts alerts = alerts(Duration.ofSeconds(5), 10, Duration.ofSeconds(5));
    alerts.raise(alert("E1", "one"));
    alerts.raise(alert("E2", "two"));
    alerts.raise(alert("E3", "three"));

    // when
    alerts.close();

    // then
    assertThat(received)
        .extracting(post -> json(post.body()).get("event"))
        .containsExactly("E1", "E2", "E3");
    assertThatCode(() -> alerts.raise(alert("E4", "after close"))).doesNotThrowAnyException();
    awaitWarning(message -> message.contains("E4") && message.contains("closed"));
  }

  @Test
  void close_gives_up_after_the_drain_time() throws Exception {
    // given
    hold = true;
    WebhookAlerts alerts = alerts(Duration.ofSeconds(30), 10, Duration.ofMillis(200));
    alerts.raise(alert("E1", "held"));
    alerts.raise(alert("E2", "queued"));
    assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();

    // when
    long start = System.nanoTime();
    alerts.close();

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    awaitWarning(message -> message.contains("1 alert(s) not posted"));
  }
}
