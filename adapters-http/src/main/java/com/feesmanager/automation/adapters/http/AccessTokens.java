package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read what beyond health and the webhook: the console token opens everything, the metrics
 * token only {@code /status} and {@code /metrics}, which need no token at all while the server
 * listens on a loopback address. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}: neither content nor length leaks through timing.
 */
final class AccessTokens {

  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> console;
  private final Optional<byte[]> metrics;
  private final boolean loopback;

  AccessTokens(HttpSettings settings) {
    this.console = settings.consoleToken().map(AccessTokens::sha256);
    this.metrics = settings.metricsToken().map(AccessTokens::sha256);
    this.loopback = isLoopback(settings.bindAddress());
  }

  /** Whether there is a console at all ({@code CONSOLE_TOKEN} is set). */
  boolean consoleEnabled() {
    return console.isPresent();
  }

  boolean isConsoleToken(String candidate) {
    return matches(console, candidate);
  }

  /** Whether the request's bearer token is the console token. */
  boolean bearsConsoleToken(HttpExchange exchange) {
    return bearer(exchange).filter(this::isConsoleToken).isPresent();
  }

  /** Whether {@code /status} and {@code /metrics} answer this request. */
  boolean mayReadStatus(HttpExchange exchange) {
    return loopback
        || bearer(exchange)
            .filter(token -> matches(console, token) || matches(metrics, token))
            .isPresent();
  }

  /** Guards a status or metrics route: 401 without a token it accepts. */
  Route.Handler statusGuard(Route.Handler handler) {
    return (exchange, rest) -> {
      if (mayReadStatus(exchange)) {
        handler.handle(exchange, rest);
      } else {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Responses.json(exchange, 401, MessageJson.error("token required"));
      }
    };
  }

  static Optional<String> bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(BEARER.length()).trim());
  }

  /** Constant-time: equal-length digests compared with {@link MessageDigest#isEqual}. */
  static boolean matches(Optional<byte[]> digest, String candidate) {
    return digest.isPresent() && MessageDigest.isEqual(digest.get(), sha256(candidate));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A host name that does not resolve counts as not loopback: the safe side. */
  static boolean isLoopback(String bindAddress) {
    try {
      return InetAddress.getByName(bindAddress).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
