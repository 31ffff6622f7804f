package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Optional;

/** The console's cookies: HttpOnly, SameSite=Strict, scoped to {@code /console}. */
final class Cookies {

  private Cookies() {}

  /** A {@code Set-Cookie} value; max age 0 deletes the cookie. */
  static String header(String name, String value, long maxAgeSeconds) {
    return name
        + "="
        + value
        + "; Path=/console; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict";
  }

  /** The value the request's {@code Cookie} headers give {@code name}. */
  static Optional<String> value(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        String trimmed = pair.trim();
        if (trimmed.startsWith(name + "=")) {
          return Optional.of(trimmed.substring(name.length() + 1));
        }
      }
    }
    return Optional.empty();
  }
}
