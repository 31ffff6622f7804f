package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * The console's HTML: escaping, the page frame with its navigation, and how a page is sent (never
 * cached, never framed, scripts only from this server).
 */
final class Html {

  static final String CONTENT_TYPE = "text/html; charset=utf-8";

  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:0 1.5em 2em;color:#222}"
          + "nav{padding:.8em 0;border-bottom:1px solid #ccc;margin-bottom:1em}"
          + "nav a,nav button{margin-right:1.2em}"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          + "td,th{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}"
          + "th{background:#f4f4f4}.problem{color:#a40000}.held{color:#8a5a00;font-weight:bold}"
          + ".notice{background:#eef6ee;padding:.5em}.error{background:#fbeaea;padding:.5em}"
          + "form.inline{display:inline}img.qr{width:220px;height:220px}";

  private Html() {}

  static String esc(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The outcome of the action that redirected here ({@code done}, {@code n}), in fixed words. */
  static String notice(Forms query) {
    String n = query.first("n").filter(v -> v.matches("[0-9]{1,9}")).orElse("0");
    return query
        .first("done")
        .map(
            done ->
                switch (done) {
                  case "held" -> "Account held: its messages wait until it is released.";
                  case "released" -> "Account released: its messages go out again.";
                  case "requeued" -> "Requeued " + n + " dead letter(s).";
                  case "dropped" -> "Dropped " + n + " dead letter(s).";
                  default -> "";
                })
        .filter(text -> !text.isEmpty())
        .map(text -> "<p class=\"notice\" id=\"notice\">" + esc(text) + "</p>")
        .orElse("");
  }

  /** A hidden CSRF field for a form of a signed-in browser. */
  static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
  }

  /** A page of the console, with the navigation and the sign-out button. */
  static String page(String title, String csrf, String body) {
    return head(title)
        + "<nav><a href=\"/console\">Overview</a><a href=\"/console/logs\">Message logs</a>"
        + "<a href=\"/console/dead\">Dead letters</a>"
        + "<a href=\"/console/preview\">What goes out next</a>"
        + "<form class=\"inline\" method=\"post\" action=\"/console/logout\">"
        + csrfField(csrf)
        + "<button type=\"submit\">Sign out</button></form></nav><h1>"
        + esc(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  static String loginPage(String loginCsrf, Optional<String> error) {
    return head("Sign in")
        + "<h1>fees-automation console</h1>"
        + error.map(e -> "<p class=\"error\" id=\"login-error\">" + esc(e) + "</p>").orElse("")
        + "<form method=\"post\" action=\"/console/login\">"
        + csrfField(loginCsrf)
        + "<label>Console token <input type=\"password\" name=\"token\" id=\"token\""
        + " autocomplete=\"current-password\" autofocus></label> "
        + "<button type=\"submit\" id=\"sign-in\">Sign in</button></form></body></html>";
  }

  private static String head(String title) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>"
        + esc(title)
        + " · fees-automation</title><style>"
        + STYLE
        + "</style><script src=\"/console/console.js\" defer></script></head><body>";
  }

  static void send(HttpExchange exchange, int code, String html) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set(
        "Content-Security-Policy",
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    Responses.send(exchange, code, CONTENT_TYPE, html);
  }

  /** 303 to a page of the console (after an action: a reload does not repeat it). */
  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(303, -1);
  }
}
