package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SessionBindings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: queue counts per session and each account's last heartbeat (SPEC §8). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show queue counts per WhatsApp session and each account's last heartbeat.")
final class StatusCli implements Callable<Integer> {

  /** The environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    return ServerRuntime.run(
        environment,
        clock,
        (injector, config, clients) -> {
          StatusReport report =
              injector.getInstance(GetStatusUseCase.class).status(new StatusQuery(clock.instant()));
          out.println("queues (ready / delayed / in flight / dead):");
          report.queues().forEach((session, counts) -> out.println("  " + line(session, counts)));
          out.println("  " + line("total", report.total()));
          printBindings(out, injector.getInstance(SessionBindings.class), report);
          out.println("last heartbeats:");
          if (report.heartbeats().isEmpty()) {
            out.println("  none (no daemon has run for these accounts yet)");
          }
          report.heartbeats().forEach((uid, heartbeat) -> out.println("  " + line(uid, heartbeat)));
          return 0;
        });
  }

  /** Which account each session sends for (SPEC §6); SESSION_TAKEN is fixed with rebind. */
  private static void printBindings(
      PrintStream out, SessionBindings bindings, StatusReport report) {
    out.println("session bindings:");
    report
        .queues()
        .keySet()
        .forEach(
            session ->
                out.printf(
                    "  %-24s %s%n",
                    session,
                    bindings
                        .boundTo(session)
                        .map(b -> "bound to " + b.uid() + " since " + b.boundAt())
                        .orElse("not bound yet (the first account to send is bound)")));
  }

  private static String line(String name, QueueCounts counts) {
    return String.format(
        "%-24s %6d %6d %6d %6d",
        name, counts.ready(), counts.delayed(), counts.inFlight(), counts.dead());
  }

  private static String line(String uid, Heartbeat heartbeat) {
    return String.format(
            "%-24s at %s by %s (%s), WhatsApp %s, today sent %d failed %d skipped %d",
            uid,
            heartbeat.heartbeatAt(),
            heartbeat.instance(),
            heartbeat.version(),
            heartbeat.gatewayStatus(),
            heartbeat.today().sent(),
            heartbeat.today().failed(),
            heartbeat.today().skipped())
        + problems(heartbeat);
  }

  /** One indented line per heartbeat problem (SPEC §8), so the operator sees why. */
  private static String problems(Heartbeat heartbeat) {
    StringBuilder out = new StringBuilder();
    heartbeat
        .problems()
        .forEach(
            p ->
                out.append(System.lineSeparator())
                    .append("    problem ")
                    .append(p.code())
                    .append(p.ruleId().map(id -> " rule " + id).orElse(""))
                    .append(p.studentId().map(id -> " student " + id).orElse(""))
                    .append(" since ")
                    .append(p.since())
                    .append(": ")
                    .append(p.message()));
    return out.toString();
  }
}
