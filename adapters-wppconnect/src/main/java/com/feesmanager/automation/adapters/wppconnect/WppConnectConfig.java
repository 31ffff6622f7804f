package com.feesmanager.automation.adapters.wppconnect;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one wppconnect-server (SPEC §6, §7): its URL, a fixed token ({@code
 * WPPCONNECT_TOKEN}) and/or the secret key tokens are generated from ({@code
 * WPPCONNECT_SECRET_KEY}), the timeout of every call ({@code WPP_TIMEOUT}), the connection bound,
 * how often a dead session is probed, and the webhook URL handed to start-session.
 */
public record WppConnectConfig(
    URI serverUrl,
    Optional<String> token,
    Optional<String> secretKey,
    Duration timeout,
    Duration connectTimeout,
    int maxConnections,
    Duration probeInterval,
    Optional<URI> webhookUrl) {

  /** SPEC §7 {@code WPP_TIMEOUT}: a send stays open until WhatsApp acknowledges it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Connecting to a live server on the same network takes milliseconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Sends are one at a time per session; a handful of sessions share one server. */
  public static final int DEFAULT_MAX_CONNECTIONS = 8;

  /** A dead session costs one probe per this interval, as long as the worker's hold delay. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

  public WppConnectConfig {
    Objects.requireNonNull(serverUrl, "'serverUrl' must not be null");
    Objects.requireNonNull(token, "'token' must not be null");
    Objects.requireNonNull(secretKey, "'secretKey' must not be null");
    Objects.requireNonNull(timeout, "'timeout' must not be null");
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(probeInterval, "'probeInterval' must not be null");
    Objects.requireNonNull(webhookUrl, "'webhookUrl' must not be null");
    String scheme = serverUrl.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || serverUrl.getHost() == null) {
      throw new IllegalArgumentException("'serverUrl' must be an http(s) URL with a host");
    }
    if (token.isEmpty() && secretKey.isEmpty()) {
      throw new IllegalArgumentException(
          "a wppconnect token or secret key is needed (WPPCONNECT_TOKEN or WPPCONNECT_SECRET_KEY)");
    }
    if (token.map(String::isBlank).orElse(false) || secretKey.map(String::isBlank).orElse(false)) {
      throw new IllegalArgumentException("the wppconnect token and secret key must not be blank");
    }
    requirePositive(timeout, "timeout");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(probeInterval, "probeInterval");
    if (maxConnections < 1 || maxConnections > 256) {
      throw new IllegalArgumentException("'maxConnections' must be 1–256");
    }
  }

  /** The defaults of SPEC §7 for everything but the server and its credentials. */
  public static WppConnectConfig of(
      URI serverUrl, Optional<String> token, Optional<String> secret) {
    return new WppConnectConfig(
        serverUrl,
        token,
        secret,
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_PROBE_INTERVAL,
        Optional.empty());
  }

  /** With another {@code WPP_TIMEOUT}; the connect timeout never exceeds it. */
  public WppConnectConfig withTimeout(Duration timeout) {
    Duration connect =
        connectTimeout.compareTo(timeout) > 0 ? Objects.requireNonNull(timeout) : connectTimeout;
    return new WppConnectConfig(
        serverUrl, token, secretKey, timeout, connect, maxConnections, probeInterval, webhookUrl);
  }

  /** With another bound on simultaneous connections to the server. */
  public WppConnectConfig withMaxConnections(int maxConnections) {
    return new WppConnectConfig(
        serverUrl,
        token,
        secretKey,
        timeout,
        connectTimeout,
        maxConnections,
        probeInterval,
        webhookUrl);
  }

  /** With another interval between two probes of a session found down. */
  public WppConnectConfig withProbeInterval(Duration probeInterval) {
    return new WppConnectConfig(
        serverUrl,
        token,
        secretKey,
        timeout,
        connectTimeout,
        maxConnections,
        probeInterval,
        webhookUrl);
  }

  /** With the URL start-session registers for receipts (it carries {@code WEBHOOK_SECRET}). */
  public WppConnectConfig withWebhookUrl(URI webhookUrl) {
    return new WppConnectConfig(
        serverUrl,
        token,
        secretKey,
        timeout,
        connectTimeout,
        maxConnections,
        probeInterval,
        Optional.of(webhookUrl));
  }

  /** Secrets (token, key, the webhook URL's secret) are never printed. */
  @Override
  public String toString() {
    return "WppConnectConfig[serverUrl="
        + serverUrl
        + ", token="
        + token.map(t -> "***").orElse("none")
        + ", secretKey="
        + secretKey.map(t -> "***").orElse("none")
        + ", timeout="
        + timeout
        + ", connectTimeout="
        + connectTimeout
        + ", maxConnections="
        + maxConnections
        + ", probeInterval="
        + probeInterval
        + ", webhookUrl="
        + webhookUrl.map(u -> "***").orElse("none")
        + "]";
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("'" + name + "' must be positive");
    }
  }
}
