package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.out.InfrastructureException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console's route table (SPEC §8) and who may use it: a script with {@code
 * Authorization: Bearer CONSOLE_TOKEN}, or a browser signed in through the login form (an HttpOnly,
 * SameSite=Strict session cookie, and the session's CSRF token in every form it posts). Anyone else
 * gets the login page. Every sign-in and action is logged with the operator's address.
 */
final class ConsoleRoutes {

  static final String SESSION_COOKIE = "console_session";
  static final String LOGIN_COOKIE = "console_login";

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
  private static final String SCRIPT =
      "document.addEventListener('submit',function(e){var m=e.target.getAttribute('data-confirm');"
          + "if(m&&!window.confirm(m)){e.preventDefault();}});";

  /** Who is asking: a browser session (with its CSRF token) or a script (no CSRF needed). */
  record Operator(String address, Optional<ConsoleSessions.Session> session) {
    String csrf() {
      return session.map(ConsoleSessions.Session::csrf).orElse("");
    }
  }

  /** A page: renders for a signed-in operator. */
  @FunctionalInterface
  interface Page {
    void serve(HttpExchange exchange, Operator operator, Forms query) throws IOException;
  }

  /** An action: acts for a signed-in operator whose form passed the CSRF check. */
  @FunctionalInterface
  interface Action {
    void act(HttpExchange exchange, Operator operator, Forms form) throws IOException;
  }

  private final AccessTokens tokens;
  private final ConsoleSessions sessions;
  private final OverviewPage overview;
  private final LogsPage logs;
  private final DeadLettersPage deadLetters;
  private final PreviewPage preview;
  private final ConsoleActions actions;

  ConsoleRoutes(OperatorConsole console, AccessTokens tokens) {
    this.tokens = tokens;
    this.sessions = new ConsoleSessions(console.clock());
    this.overview = new OverviewPage(console);
    this.logs = new LogsPage(console);
    this.deadLetters = new DeadLettersPage(console);
    this.preview = new PreviewPage(console);
    this.actions = new ConsoleActions(console);
  }

  List<Route> routes() {
    return List.of(
        Route.get("/console/console.js", (ex, rest) -> script(ex)),
        Route.get("/console", signedIn(overview::serve)),
        Route.get("/console/logs", signedIn(logs::serve)),
        Route.get("/console/dead", signedIn(deadLetters::serve)),
        Route.get("/console/preview", signedIn(preview::serve)),
        Route.post("/console/login", (ex, rest) -> login(ex)),
        Route.post("/console/logout", action(this::logout)),
        Route.post("/console/hold", action(actions::hold)),
        Route.post("/console/release", action(actions::release)),
        Route.post("/console/dead/requeue", action(actions::requeue)),
        Route.post("/console/dead/drop", action(actions::drop)));
  }

  private Route.Handler signedIn(Page page) {
    return (exchange, rest) -> {
      Optional<Operator> operator = operator(exchange);
      if (operator.isEmpty()) {
        showLogin(exchange, 401, Optional.empty());
        return;
      }
      try {
        page.serve(exchange, operator.get(), Forms.query(exchange));
      } catch (InfrastructureException e) {
        unavailable(exchange, operator.get(), e);
      }
    };
  }

  private Route.Handler action(Action action) {
    return (exchange, rest) -> {
      Optional<Operator> operator = operator(exchange);
      if (operator.isEmpty()) {
        LOG.warn(
            "console: {} {} refused to {}: not signed in",
            method(exchange),
            path(exchange),
            address(exchange));
        showLogin(exchange, 401, Optional.empty());
        return;
      }
      Forms form;
      try {
        form = Forms.body(exchange);
      } catch (Forms.TooLarge e) {
        Html.send(
            exchange,
            413,
            Html.page(
                "Not done",
                operator.get().csrf(),
                "<p class=\"error\">" + Html.esc(e.getMessage()) + "</p>"));
        return;
      }
      Optional<ConsoleSessions.Session> session = operator.get().session();
      if (session.isPresent() && !sameSecret(form.first("csrf"), session.get().csrf())) {
        LOG.warn(
            "console: {} refused to {}: missing or stale CSRF token",
            path(exchange),
            operator.get().address());
        Html.send(
            exchange,
            403,
            Html.page(
                "Form expired",
                operator.get().csrf(),
                "<p class=\"error\">This form has expired. Go back, reload the page and try again.</p>"));
        return;
      }
      try {
        action.act(exchange, operator.get(), form);
      } catch (InfrastructureException e) {
        unavailable(exchange, operator.get(), e);
      }
    };
  }

  /** Redis or Firestore cannot answer now: said on the page, nothing half done is hidden. */
  private static void unavailable(HttpExchange exchange, Operator operator, RuntimeException e)
      throws IOException {
    LOG.warn("console: {} for {} failed: {}", path(exchange), operator.address(), e.toString());
    Html.send(
        exchange,
        503,
        Html.page(
            "Unavailable",
            operator.csrf(),
            "<p class=\"error\">The store cannot answer now; try again shortly. ("
                + Html.esc(e.getClass().getSimpleName())
                + ")</p>"));
  }

  private void login(HttpExchange exchange) throws IOException {
    String address = address(exchange);
    Forms form = Forms.body(exchange);
    if (!sameSecret(form.first("csrf"), Cookies.value(exchange, LOGIN_COOKIE).orElse(""))) {
      LOG.warn("console: sign-in from {} refused: missing or stale login form", address);
      showLogin(exchange, 403, Optional.of("The sign-in form expired; please try again."));
      return;
    }
    if (!tokens.isConsoleToken(form.first("token").orElse(""))) {
      LOG.warn("console: sign-in from {} refused: wrong token", address);
      showLogin(exchange, 401, Optional.of("Wrong token."));
      return;
    }
    ConsoleSessions.Session session = sessions.open();
    LOG.info("console: operator signed in from {}", address);
    exchange
        .getResponseHeaders()
        .add(
            "Set-Cookie",
            Cookies.header(SESSION_COOKIE, session.id(), ConsoleSessions.LIFETIME.toSeconds()));
    exchange.getResponseHeaders().add("Set-Cookie", Cookies.header(LOGIN_COOKIE, "", 0));
    Html.redirect(exchange, "/console");
  }

  private void logout(HttpExchange exchange, Operator operator, Forms form) throws IOException {
    operator.session().ifPresent(s -> sessions.close(s.id()));
    LOG.info("console: operator signed out from {}", operator.address());
    exchange.getResponseHeaders().add("Set-Cookie", Cookies.header(SESSION_COOKIE, "", 0));
    Html.redirect(exchange, "/console");
  }

  private void showLogin(HttpExchange exchange, int code, Optional<String> error)
      throws IOException {
    String loginCsrf = sessions.randomToken();
    exchange.getResponseHeaders().add("Set-Cookie", Cookies.header(LOGIN_COOKIE, loginCsrf, 3600));
    Html.send(exchange, code, Html.loginPage(loginCsrf, error));
  }

  private Optional<Operator> operator(HttpExchange exchange) {
    if (tokens.bearsConsoleToken(exchange)) {
      return Optional.of(new Operator(address(exchange), Optional.empty()));
    }
    return Cookies.value(exchange, SESSION_COOKIE)
        .flatMap(sessions::find)
        .map(session -> new Operator(address(exchange), Optional.of(session)));
  }

  private static void script(HttpExchange exchange) throws IOException {
    Responses.send(exchange, 200, "text/javascript; charset=utf-8", SCRIPT);
  }

  private static boolean sameSecret(Optional<String> given, String expected) {
    return given.isPresent()
        && !expected.isEmpty()
        && AccessTokens.matches(Optional.of(AccessTokens.sha256(expected)), given.get());
  }

  static String address(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  private static String method(HttpExchange exchange) {
    return exchange.getRequestMethod();
  }

  private static String path(HttpExchange exchange) {
    return exchange.getRequestURI().getPath();
  }
}
