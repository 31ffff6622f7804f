package com.feesmanager.automation.adapters.http;

import static com.feesmanager.automation.adapters.http.Html.esc;

import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /console/dead}: the oldest dead letters, each to requeue (fresh attempts) or drop for
 * good, or all at once; every button asks for confirmation first.
 */
final class DeadLettersPage {

  static final int SHOWN = 200;

  private final OperatorConsole console;

  DeadLettersPage(OperatorConsole console) {
    this.console = console;
  }

  void serve(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms query)
      throws IOException {
    List<DeadLetter> dead = console.queue().deadLetters(SHOWN);
    String csrf = operator.csrf();
    StringBuilder body = new StringBuilder(Html.notice(query));
    if (dead.isEmpty()) {
      body.append("<p id=\"no-dead-letters\">No dead letters.</p>");
    } else {
      body.append("<p>")
          .append(dead.size())
          .append(" dead letter(s), oldest first. ")
          .append(form("requeue", "all", "yes", csrf, "Requeue all", "Requeue every dead letter?"))
          .append(" ")
          .append(form("drop", "all", "yes", csrf, "Drop all", "Drop every dead letter for good?"))
          .append("</p><table><tr><th>Key</th><th>Account</th><th>Rule</th><th>Occurrence</th>")
          .append("<th>To</th><th>Attempts</th><th>Reason</th><th>Died</th><th></th></tr>");
      for (DeadLetter letter : dead) {
        QueuedMessage message = letter.message();
        String key = message.key().value();
        body.append("<tr class=\"dead-letter\" data-key=\"")
            .append(esc(key))
            .append("\"><td>")
            .append(esc(key))
            .append("</td><td>")
            .append(esc(message.uid()))
            .append("</td><td>")
            .append(esc(message.ruleId()))
            .append("</td><td>")
            .append(esc(message.occurrence()))
            .append("</td><td>")
            .append(esc(message.message().to().masked()))
            .append("</td><td>")
            .append(letter.attempts())
            .append("</td><td>")
            .append(esc(letter.reason()))
            .append("</td><td>")
            .append(esc(letter.diedAt()))
            .append("</td><td>")
            .append(form("requeue", "key", key, csrf, "Requeue", "Requeue this message?"))
            .append(" ")
            .append(form("drop", "key", key, csrf, "Drop", "Drop this message for good?"))
            .append("</td></tr>");
      }
      body.append("</table>");
    }
    Html.send(exchange, 200, Html.page("Dead letters", csrf, body.toString()));
  }

  private static String form(
      String action, String field, String value, String csrf, String label, String confirm) {
    return "<form class=\"inline\" method=\"post\" action=\"/console/dead/"
        + action
        + "\" data-confirm=\""
        + esc(confirm)
        + "\">"
        + Html.csrfField(csrf)
        + "<input type=\"hidden\" name=\""
        + field
        + "\" value=\""
        + esc(value)
        + "\">"
        + "<button type=\"submit\" class=\""
        + action
        + "\">"
        + esc(label)
        + "</button></form>";
  }
}
