package com.feesmanager.automation.adapters.http;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How every route answers: a body with its type, never cached. */
final class Responses {

  static final String JSON = "application/json";

  private Responses() {}

  static void json(HttpExchange exchange, int code, JsonElement body) throws IOException {
    send(exchange, code, JSON, JsonText.of(body));
  }

  static void send(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    send(exchange, code, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int code, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    json(exchange, 405, MessageJson.error("method not allowed"));
  }

  static void internalError(HttpExchange exchange) {
    try {
      byte[] body = "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);
      send(exchange, 500, JSON, body);
    } catch (IOException | RuntimeException e) {
      // headers were already sent or the client left: nothing more to tell it
    }
  }
}
