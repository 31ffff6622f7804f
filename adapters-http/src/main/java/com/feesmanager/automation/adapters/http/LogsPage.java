package com.feesmanager.automation.adapters.http;

import static com.feesmanager.automation.adapters.http.Html.esc;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.PhoneMasking;
import com.feesmanager.automation.ports.out.MessageLog;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /console/logs}: the latest {@value #SHOWN} message logs, newest first, filtered by
 * account, status, rule and the recipient's last digits; numbers masked. Filters apply to each
 * account's latest {@value #SCANNED} logs.
 */
final class LogsPage {

  static final int SHOWN = 200;
  static final int SCANNED = 1_000;

  private final OperatorConsole console;

  LogsPage(OperatorConsole console) {
    this.console = console;
  }

  void serve(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms query)
      throws IOException {
    List<AccountSettings> accounts = console.accounts().enabledAccounts().accounts();
    Optional<String> account = query.first("account");
    Optional<String> status = query.first("status").map(s -> s.toUpperCase(Locale.ROOT));
    Optional<String> rule = query.first("rule");
    Optional<String> digits = query.first("digits");
    StringBuilder body = new StringBuilder(filters(accounts, account, status, rule, digits));
    if (status.isPresent() && !isStatus(status.get())) {
      body.append("<p class=\"error\">Unknown status: ").append(esc(status.get())).append("</p>");
    } else if (digits.isPresent() && !digits.get().matches("[0-9]{1,6}")) {
      body.append("<p class=\"error\">Last digits must be 1 to 6 digits.</p>");
    } else {
      Predicate<MessageLog> wanted =
          log ->
              status.map(s -> log.status().name().equals(s)).orElse(true)
                  && rule.map(r -> log.ruleId().equals(r)).orElse(true)
                  && digits
                      .map(d -> log.to().filter(to -> to.endsWith(d)).isPresent())
                      .orElse(true);
      List<MessageLog> found = new ArrayList<>();
      for (AccountSettings each : accounts) {
        if (account.map(each.uid()::equals).orElse(true)) {
          console.logs().latest(each.uid(), SCANNED).stream().filter(wanted).forEach(found::add);
        }
      }
      found.sort(Comparator.comparing(MessageLog::updatedAt).reversed());
      body.append(table(found.subList(0, Math.min(SHOWN, found.size()))));
    }
    Html.send(exchange, 200, Html.page("Message logs", operator.csrf(), body.toString()));
  }

  private static String filters(
      List<AccountSettings> accounts,
      Optional<String> account,
      Optional<String> status,
      Optional<String> rule,
      Optional<String> digits) {
    StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/console/logs\">");
    html.append("<label>Account <select name=\"account\"><option value=\"\">all</option>");
    for (AccountSettings each : accounts) {
      html.append("<option value=\"")
          .append(esc(each.uid()))
          .append('"')
          .append(account.filter(each.uid()::equals).isPresent() ? " selected" : "")
          .append('>')
          .append(esc(each.academyName()))
          .append("</option>");
    }
    html.append(
        "</select></label> <label>Status <select name=\"status\"><option value=\"\">any"
            + "</option>");
    for (MessageStatus each : MessageStatus.values()) {
      html.append("<option")
          .append(status.filter(each.name()::equals).isPresent() ? " selected" : "")
          .append('>')
          .append(each.name())
          .append("</option>");
    }
    html.append("</select></label> <label>Rule <input name=\"rule\" value=\"")
        .append(esc(rule.orElse("")))
        .append(
            "\"></label> <label>Last digits <input name=\"digits\""
                + " size=\"6\" inputmode=\"numeric\" value=\"")
        .append(esc(digits.orElse("")))
        .append("\"></label> <button type=\"submit\">Filter</button>" + "</form>");
    return html.toString();
  }

  private static String table(List<MessageLog> logs) {
    if (logs.isEmpty()) {
      return "<p id=\"no-logs\">No message logs match.</p>";
    }
    StringBuilder html =
        new StringBuilder("<p>")
            .append(logs.size())
            .append(
                " log(s), newest first.</p>"
                    + "<table><tr><th>Updated</th><th>Account</th><th>Rule</th><th>Occurrence</th>"
                    + "<th>Student</th><th>To</th><th>Status</th><th>Reason</th><th>Attempts</th></tr>");
    for (MessageLog log : logs) {
      html.append("<tr class=\"log\"><td>")
          .append(esc(log.updatedAt()))
          .append("</td><td>")
          .append(esc(log.uid()))
          .append("</td><td>")
          .append(esc(log.ruleId()))
          .append("</td><td>")
          .append(esc(log.occurrence()))
          .append("</td><td>")
          .append(esc(log.studentName()))
          .append("</td><td>")
          .append(esc(log.to().map(PhoneMasking::mask).orElse("")))
          .append("</td><td>")
          .append(esc(log.status()))
          .append("</td><td>")
          .append(esc(log.reason().map(PhoneMasking::mask).orElse("")))
          .append("</td><td>")
          .append(log.attempts())
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static boolean isStatus(String name) {
    for (MessageStatus each : MessageStatus.values()) {
      if (each.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
