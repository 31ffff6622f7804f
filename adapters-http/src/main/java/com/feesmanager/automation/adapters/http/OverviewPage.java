package com.feesmanager.automation.adapters.http;

import static com.feesmanager.automation.adapters.http.Html.esc;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /console}: every account with its session (and the QR code while a scan waits),
 * today's counts, its queue, next runs, problems and the operator's hold, from its last heartbeat.
 */
final class OverviewPage {

  private final OperatorConsole console;

  OverviewPage(OperatorConsole console) {
    this.console = console;
  }

  void serve(HttpExchange exchange, ConsoleRoutes.Operator operator, Forms query)
      throws IOException {
    Instant now = console.clock().instant();
    AccountScan scan = console.accounts().enabledAccounts();
    StatusReport report = console.status().status(new StatusQuery(now));
    StringBuilder body = new StringBuilder(Html.notice(query));
    if (scan.accounts().isEmpty()) {
      body.append("<p>No enabled account.</p>");
    }
    for (AccountSettings account : scan.accounts()) {
      body.append(account(account, report, operator.csrf()));
    }
    if (!scan.problems().isEmpty()) {
      body.append("<h2>Documents that cannot be understood</h2><ul>");
      for (DocumentProblem problem : scan.problems()) {
        body.append("<li class=\"problem\">").append(esc(problem)).append("</li>");
      }
      body.append("</ul>");
    }
    Html.send(exchange, 200, Html.page("Overview", operator.csrf(), body.toString()));
  }

  private String account(AccountSettings account, StatusReport report, String csrf) {
    String uid = account.uid();
    String session = account.automation().wppSession();
    Optional<Heartbeat> heartbeat = Optional.ofNullable(report.heartbeats().get(uid));
    QueueCounts queue =
        heartbeat
            .map(Heartbeat::queue)
            .orElse(report.queues().getOrDefault(session, QueueCounts.EMPTY));
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"account\" id=\"account-")
        .append(esc(uid))
        .append("\"><h2>")
        .append(esc(account.academyName()))
        .append(" <small>(")
        .append(esc(uid))
        .append(")</small></h2><table>");
    row(
        html,
        "Session",
        esc(session)
            + " — "
            + heartbeat
                .map(
                    h ->
                        "<span class=\"session-state\">"
                            + esc(h.gatewayStatus())
                            + "</span> (checked "
                            + esc(h.gatewayCheckedAt())
                            + ")")
                .orElse("no heartbeat yet")
            + qrCode(session));
    row(
        html,
        "Today",
        heartbeat
            .map(
                h ->
                    "sent "
                        + h.today().sent()
                        + ", failed "
                        + h.today().failed()
                        + ", skipped "
                        + h.today().skipped())
            .orElse("—"));
    row(
        html,
        "Queue",
        "ready "
            + queue.ready()
            + ", delayed "
            + queue.delayed()
            + ", in flight "
            + queue.inFlight()
            + ", dead "
            + queue.dead());
    row(html, "Next runs", heartbeat.map(this::nextRuns).orElse("—"));
    row(html, "Problems", heartbeat.map(this::problems).orElse("—"));
    row(html, "Operator hold", hold(uid, csrf));
    row(
        html,
        "Last heartbeat",
        heartbeat
            .map(h -> esc(h.heartbeatAt()) + " from " + esc(h.instance()) + " " + esc(h.version()))
            .orElse("none"));
    return html.append("</table></section>").toString();
  }

  private String qrCode(String session) {
    return console
        .qrCodeOfSession()
        .apply(session)
        .filter(url -> url.startsWith("data:image/"))
        .map(
            url ->
                "<p>Scan this code on the academy's phone (WhatsApp › Linked devices):</p>"
                    + "<img class=\"qr\" alt=\"QR code to link WhatsApp\" src=\""
                    + esc(url)
                    + "\">")
        .orElse("");
  }

  private String nextRuns(Heartbeat heartbeat) {
    if (heartbeat.nextRuns().isEmpty()) {
      return "none";
    }
    StringBuilder html = new StringBuilder("<ul>");
    for (Heartbeat.NextRun run : heartbeat.nextRuns()) {
      html.append("<li>")
          .append(esc(run.ruleId()))
          .append(" at ")
          .append(esc(run.at()))
          .append("</li>");
    }
    return html.append("</ul>").toString();
  }

  private String problems(Heartbeat heartbeat) {
    if (heartbeat.problems().isEmpty()) {
      return "none";
    }
    StringBuilder html = new StringBuilder("<ul>");
    for (AccountProblem problem : heartbeat.problems()) {
      html.append("<li class=\"problem\"><b>")
          .append(esc(problem.code()))
          .append("</b>")
          .append(problem.ruleId().map(r -> " rule " + esc(r)).orElse(""))
          .append(problem.studentId().map(s -> " student " + esc(s)).orElse(""))
          .append(": ")
          .append(esc(problem.message()))
          .append(" (since ")
          .append(esc(problem.since()))
          .append(")</li>");
    }
    return html.append("</ul>").toString();
  }

  private String hold(String uid, String csrf) {
    Optional<Instant> since = console.holds().heldSince(uid);
    String action = since.isPresent() ? "release" : "hold";
    String confirm =
        since.isPresent()
            ? "Release this account? Its waiting messages go out again."
            : "Hold this account? Its messages wait until you release it.";
    return (since.isPresent()
            ? "<span class=\"held\">Held since " + esc(since.get()) + "</span> "
            : "Not held ")
        + "<form class=\"inline\" method=\"post\" action=\"/console/"
        + action
        + "\" data-confirm=\""
        + esc(confirm)
        + "\">"
        + Html.csrfField(csrf)
        + "<input type=\"hidden\" name=\"uid\" value=\""
        + esc(uid)
        + "\">"
        + "<button type=\"submit\" class=\""
        + action
        + "\">"
        + (since.isPresent() ? "Release" : "Hold")
        + "</button></form>";
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>")
        .append(esc(name))
        .append("</th><td>")
        .append(value)
        .append("</td></tr>");
  }
}
