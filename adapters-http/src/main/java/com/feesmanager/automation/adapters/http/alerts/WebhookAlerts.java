package com.feesmanager.automation.adapters.http.alerts;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert to one webhook of {@code ALERT_WEBHOOK_URL} (SPEC §8) on a background thread, in
 * the body the URL understands: Slack's {@code {"text"}}, Discord's {@code {"content"}}, else
 * {@code {level, event, account, text, at}} (see {@link AlertJson}): {@link #raise} never blocks on
 * the webhook and never throws; failures are logged at WARN with only the URL's scheme and host
 * (its path is a token).
 */
public final class WebhookAlerts implements Alerts, AutoCloseable {

  /** How long one post may take, connection included. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close} waits for posts still queued. */
  public static final Duration DRAIN = Duration.ofSeconds(5);

  /** Alerts waiting beyond this are dropped (and logged): a dead webhook must not hold memory. */
  static final int CAPACITY = 100;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);

  private final URI url;
  private final AlertJson.Format format;
  private final String safeTarget;
  private final HttpClient client;
  private final Duration timeout;
  private final Duration drain;
  private final ThreadPoolExecutor executor;

  /**
   * Posts to {@code url} (a secret: only its scheme and host are ever logged) with the default
   * timeout, queue and drain time.
   */
  public WebhookAlerts(URI url) {
    this(url, TIMEOUT, CAPACITY, DRAIN);
  }

  WebhookAlerts(URI url, Duration timeout, int capacity, Duration drain) {
    this(url, AlertJson.Format.of(url), timeout, capacity, drain);
  }

  /** With the body format given (tests post Slack's or Discord's body to a local receiver). */
  WebhookAlerts(URI url, AlertJson.Format format, Duration timeout, int capacity, Duration drain) {
    this.url = Objects.requireNonNull(url, "'url' must not be null");
    this.format = Objects.requireNonNull(format, "'format' must not be null");
    this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
    this.drain = Objects.requireNonNull(drain, "'drain' must not be null");
    this.safeTarget = url.getScheme() + "://" + url.getHost() + portOf(url);
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    // One thread keeps alerts in order; alerts are rare, so a queue of them is never long.
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            runnable -> {
              Thread thread = new Thread(runnable, "alert-webhook");
              thread.setDaemon(true);
              return thread;
            });
  }

  private static String portOf(URI url) {
    return url.getPort() < 0 ? "" : ":" + url.getPort();
  }

  @Override
  public void raise(Alert alert) {
    Objects.requireNonNull(alert, "'alert' must not be null");
    try {
      executor.execute(() -> post(alert));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "alert {} for account '{}' dropped: {}",
          alert.event(),
          alert.account(),
          executor.isShutdown()
              ? "alerts are closed"
              : "too many alerts waiting for " + safeTarget);
    }
  }

  private void post(Alert alert) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AlertJson.of(alert, format), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        LOG.warn(
            "alert {} for account '{}' not accepted by {}: HTTP {}",
            alert.event(),
            alert.account(),
            safeTarget,
            response.statusCode());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "alert {} for account '{}' not delivered to {}: {}",
          alert.event(),
          alert.account(),
          safeTarget,
          describe(e));
    } catch (InterruptedException e) {
      // close() gave up waiting: note the loss and let the thread end.
      Thread.currentThread().interrupt();
      LOG.warn("alert {} for account '{}' abandoned at shutdown", alert.event(), alert.account());
    }
  }

  // Exception messages may quote the request URI; the token in its path must not reach the log.
  private String describe(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return kind;
    }
    String safe = message.replace(url.toString(), safeTarget);
    String path = url.getRawPath();
    if (path != null && path.length() > 1) {
      safe = safe.replace(path, "/****");
    }
    return kind + ": " + safe;
  }

  /** Stops taking alerts and waits up to the drain time for queued posts, dropping the rest. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Runnable> dropped = executor.shutdownNow();
    LOG.warn(
        "{} alert(s) not posted to {} within {} of shutdown", dropped.size(), safeTarget, drain);
  }
}
