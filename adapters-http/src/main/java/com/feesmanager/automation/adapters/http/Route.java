package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One row of the route table: the method and the path, stated once. A prefix route serves every
 * path below its prefix that {@code accepts} the rest of; any other path is not its own.
 */
record Route(
    String method, String path, boolean prefix, Predicate<String> accepts, Handler handler) {

  /** Serves one request of a route; {@code rest} is the path below a prefix route's prefix. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange, String rest) throws IOException;
  }

  Route {
    Objects.requireNonNull(method, "'method' must not be null");
    Objects.requireNonNull(path, "'path' must not be null");
    Objects.requireNonNull(accepts, "'accepts' must not be null");
    Objects.requireNonNull(handler, "'handler' must not be null");
  }

  static Route get(String path, Handler handler) {
    return new Route("GET", path, false, rest -> true, handler);
  }

  static Route post(String path, Handler handler) {
    return new Route("POST", path, false, rest -> true, handler);
  }

  static Route postBelow(String prefix, Predicate<String> accepts, Handler handler) {
    return new Route("POST", prefix, true, accepts, handler);
  }

  /** Whether {@code requestPath} is this route's, whatever the method. */
  boolean matches(String requestPath) {
    if (!prefix) {
      return path.equals(requestPath);
    }
    return requestPath.startsWith(path) && accepts.test(rest(requestPath));
  }

  String rest(String requestPath) {
    return prefix ? requestPath.substring(path.length()) : "";
  }
}
