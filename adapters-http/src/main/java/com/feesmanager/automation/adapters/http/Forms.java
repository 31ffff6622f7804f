package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of a query string or an urlencoded form body, each name with all its values. */
record Forms(Map<String, List<String>> fields) {

  /** A form body larger than this is refused (the console's forms are a few hundred bytes). */
  static final int MAX_FORM_BYTES = 64 * 1024;

  /** Thrown for a body that is too large to be a console form. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("form larger than " + MAX_FORM_BYTES + " bytes");
    }
  }

  static Forms query(HttpExchange exchange) {
    return parse(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
  }

  static Forms body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      if (bytes.length > MAX_FORM_BYTES) {
        throw new TooLarge();
      }
      return parse(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  static Forms parse(String encoded) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new Forms(fields);
  }

  /** The first value, trimmed; empty when absent or blank. */
  Optional<String> first(String name) {
    return fields.getOrDefault(name, List.of()).stream()
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  List<String> all(String name) {
    return fields.getOrDefault(name, List.of()).stream()
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a broken %-escape: kept as typed, so validation names it instead of a crash
      return text;
    }
  }
}
