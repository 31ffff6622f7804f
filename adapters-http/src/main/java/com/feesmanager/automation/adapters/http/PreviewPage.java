package com.feesmanager.automation.adapters.http;

import static com.feesmanager.automation.adapters.http.Html.esc;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.message.PhoneMasking;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.Skip;
import com.feesmanager.automation.domain.rule.RuleProblem;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase.Preview;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase.PreviewCommand;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /console/preview}: "what goes out next" — the preview of any rule of an account at any
 * instant (SPEC §8 {@code preview}), sending and writing nothing; numbers masked.
 */
final class PreviewPage {

  private final OperatorConsole console;

  PreviewPage(OperatorConsole console) {
    this.console = console;
  }

  void serve(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms query)
      throws IOException {
    List<AccountSettings> accounts = console.accounts().enabledAccounts().accounts();
    Optional<String> account = query.first("account");
    Optional<String> rule = query.first("rule");
    Optional<String> at = query.first("at");
    StringBuilder body = new StringBuilder(form(accounts, account, rule, at));
    if (account.isPresent() && rule.isPresent()) {
      Optional<Instant> instant = instant(at);
      if (instant.isEmpty()) {
        body.append(
            "<p class=\"error\">The instant must be ISO-8601 with an offset, such as"
                + " 2026-11-10T10:00:30+05:00 (empty: now).</p>");
      } else {
        body.append(
            result(
                console
                    .preview()
                    .preview(new PreviewCommand(account.get(), rule.get(), instant.get()))));
      }
    }
    Html.send(exchange, 200, Html.page("What goes out next", operator.csrf(), body.toString()));
  }

  private Optional<Instant> instant(Optional<String> at) {
    if (at.isEmpty()) {
      return Optional.of(console.clock().instant());
    }
    try {
      return Optional.of(OffsetDateTime.parse(at.get()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String form(
      List<AccountSettings> accounts,
      Optional<String> account,
      Optional<String> rule,
      Optional<String> at) {
    StringBuilder html =
        new StringBuilder(
            "<form method=\"get\" action=\"/console/preview\">"
                + "<label>Account <select name=\"account\">");
    for (AccountSettings each : accounts) {
      html.append("<option value=\"")
          .append(esc(each.uid()))
          .append('"')
          .append(account.filter(each.uid()::equals).isPresent() ? " selected" : "")
          .append('>')
          .append(esc(each.academyName()))
          .append("</option>");
    }
    return html.append("</select></label> <label>Rule id <input name=\"rule\" required value=\"")
        .append(esc(rule.orElse("")))
        .append(
            "\"></label> <label>At <input name=\"at\" size=\"28\""
                + " placeholder=\"now, or 2026-11-10T10:00:30+05:00\" value=\"")
        .append(esc(at.orElse("")))
        .append("\"></label> <button type=\"submit\">Preview</button>" + "</form>")
        .toString();
  }

  private static String result(Preview preview) {
    if (preview instanceof Preview.NotFound notFound) {
      return "<p class=\"error\">Not found: " + esc(notFound.what()) + "</p>";
    }
    if (preview instanceof Preview.InvalidRule invalid) {
      StringBuilder html =
          new StringBuilder("<p class=\"problem\">Rule ")
              .append(esc(invalid.ruleId()))
              .append(" is invalid; it sends nothing:</p><ul>");
      for (RuleProblem problem : invalid.problems()) {
        html.append("<li class=\"problem\">")
            .append(esc(problem.field()))
            .append(": ")
            .append(esc(problem.reason()))
            .append("</li>");
      }
      return html.append("</ul>").toString();
    }
    Preview.Planned planned = (Preview.Planned) preview;
    StringBuilder html =
        new StringBuilder("<p id=\"preview-summary\">Occurrence ")
            .append(esc(planned.occurrence().orElse("none scheduled at or before this instant")))
            .append(": ")
            .append(planned.plan().messages().size())
            .append(" message(s), ")
            .append(planned.plan().skips().size())
            .append(" skipped.</p>");
    html.append("<table><tr><th>Students</th><th>To</th><th>Body</th></tr>");
    for (PlannedMessage message : planned.plan().messages()) {
      html.append("<tr class=\"planned\"><td>")
          .append(esc(String.join(", ", message.studentNames())))
          .append("</td><td>")
          .append(esc(message.to().masked()))
          .append("</td><td>")
          .append(esc(PhoneMasking.mask(message.body())))
          .append("</td></tr>");
    }
    html.append("</table><table><tr><th>Skipped student</th><th>Reason</th></tr>");
    for (Skip skip : planned.plan().skips()) {
      html.append("<tr class=\"skipped\"><td>")
          .append(esc(skip.studentName()))
          .append(" (")
          .append(esc(skip.studentId()))
          .append(")</td><td>")
          .append(esc(skip.reason().code()))
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }
}
