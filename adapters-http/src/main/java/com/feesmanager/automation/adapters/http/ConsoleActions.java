package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.domain.message.MessageKey;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does from the console: hold and release an account, requeue and drop dead
 * letters (one, several, or all with {@code all=yes}). Each is logged with the operator's address
 * and answered with a redirect to the page it came from.
 */
final class ConsoleActions {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleActions.class);

  private final OperatorConsole console;

  ConsoleActions(OperatorConsole console) {
    this.console = console;
  }

  void hold(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form) throws IOException {
    Optional<String> uid = knownAccount(exchange, operator, form);
    if (uid.isPresent()) {
      console.holds().hold(uid.get(), console.clock().instant());
      LOG.info("console: {} held account {}", operator.address(), uid.get());
      Html.redirect(exchange, "/console?done=held#account-" + uid.get());
    }
  }

  void release(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form)
      throws IOException {
    Optional<String> uid = knownAccount(exchange, operator, form);
    if (uid.isPresent()) {
      console.holds().release(uid.get());
      LOG.info("console: {} released account {}", operator.address(), uid.get());
      Html.redirect(exchange, "/console?done=released#account-" + uid.get());
    }
  }

  void requeue(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form)
      throws IOException {
    Optional<Set<MessageKey>> keys = chosen(exchange, operator, form);
    if (keys.isPresent()) {
      Instant now = console.clock().instant();
      int requeued = console.queue().requeueDead(keys.get(), now);
      LOG.info(
          "console: {} requeued {} dead letter(s) {}",
          operator.address(),
          requeued,
          keys.get().isEmpty() ? "(all)" : keys.get());
      Html.redirect(exchange, "/console/dead?done=requeued&n=" + requeued);
    }
  }

  void drop(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form) throws IOException {
    Optional<Set<MessageKey>> keys = chosen(exchange, operator, form);
    if (keys.isPresent()) {
      int dropped = console.queue().dropDead(keys.get(), console.clock().instant());
      LOG.info(
          "console: {} dropped {} dead letter(s) {}",
          operator.address(),
          dropped,
          keys.get().isEmpty() ? "(all)" : keys.get());
      Html.redirect(exchange, "/console/dead?done=dropped&n=" + dropped);
    }
  }

  /** The account named by {@code uid}, or a 400 page saying what is wrong. */
  private Optional<String> knownAccount(
      HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form) throws IOException {
    Optional<String> uid = form.first("uid");
    if (uid.isEmpty() || console.accounts().account(uid.get()).isEmpty()) {
      LOG.warn("console: {} named no known account ({})", operator.address(), uid.orElse(""));
      error(exchange, operator, "No such account: " + uid.orElse("(none given)"));
      return Optional.empty();
    }
    return uid;
  }

  /** The keys chosen, empty meaning all (only with {@code all=yes}); or a 400 page. */
  private Optional<Set<MessageKey>> chosen(
      HttpExchange exchange, ConsoleRoutes.Operator operator, Forms form) throws IOException {
    boolean all = form.first("all").filter("yes"::equals).isPresent();
    Set<MessageKey> keys = new LinkedHashSet<>();
    form.all("key").forEach(key -> keys.add(new MessageKey(key)));
    if (all == !keys.isEmpty()) {
      error(exchange, operator, "Choose dead letters by key, or all of them with all=yes.");
      return Optional.empty();
    }
    return Optional.of(keys);
  }

  private static void error(HttpExchange exchange, ConsoleRoutes.Operator operator, String text)
      throws IOException {
    Html.send(
        exchange,
        400,
        Html.page("Not done", operator.csrf(), "<p class=\"error\">" + Html.esc(text) + "</p>"));
  }
}
