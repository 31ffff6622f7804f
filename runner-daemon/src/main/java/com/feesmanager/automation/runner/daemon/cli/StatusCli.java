package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.http.JsonText;
import com.feesmanager.automation.adapters.http.StatusJson;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusQuery;
import com.feesmanager.automation.ports.in.GetStatusUseCase.StatusReport;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: queue counts per session and each account's last heartbeat (SPEC §8). The queue
 * counts are in Redis: when Firestore cannot be read they are still shown (every session with
 * work), with one line saying what is missing, and the exit code is 1.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show queue counts per WhatsApp session, which account each session is bound to, and each"
            + " account's last heartbeat. The queue counts come from Redis and are shown even when"
            + " Firestore cannot be read (exit 1 then).")
final class StatusCli implements Callable<Integer> {

  /** How many dead letters are read to find the sessions that only have dead letters. */
  private static final int DEAD_SESSIONS_SCAN = 10_000;

  @Option(names = "--json", description = "Print JSON instead of text (docs/commands.md).")
  boolean json;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    return ServerRuntime.run(
        environment.variables(),
        clock,
        (injector, config, clients) -> {
          Instant now = clock.instant();
          Optional<String> firestoreDown = Optional.empty();
          StatusReport report;
          try {
            report = injector.getInstance(GetStatusUseCase.class).status(new StatusQuery(now));
          } catch (InfrastructureException e) {
            firestoreDown = Optional.of(e.getMessage());
            report = fromRedisOnly(injector.getInstance(QueueMonitor.class), now);
          }
          Map<String, SessionBindings.Bound> bindings = new TreeMap<>();
          if (firestoreDown.isEmpty()) {
            try {
              SessionBindings sessions = injector.getInstance(SessionBindings.class);
              for (String session : report.queues().keySet()) {
                sessions.boundTo(session).ifPresent(bound -> bindings.put(session, bound));
              }
            } catch (InfrastructureException e) {
              firestoreDown = Optional.of(e.getMessage());
            }
          }
          if (json) {
            printJson(out, report, bindings, firestoreDown);
          } else {
            printText(out, report, bindings, firestoreDown);
          }
          return firestoreDown.isPresent() ? 1 : 0;
        });
  }

  /** Every session with pending messages or dead letters, read from Redis alone. */
  private static StatusReport fromRedisOnly(QueueMonitor monitor, Instant now) {
    Map<String, QueueCounts> queues = new TreeMap<>();
    monitor.sessions().forEach(session -> queues.put(session, monitor.counts(session, now)));
    // sessions() names sessions with pending work only; one with only dead letters counts too
    monitor
        .deadLetters(DEAD_SESSIONS_SCAN)
        .forEach(
            letter ->
                queues.computeIfAbsent(
                    letter.message().session(), session -> monitor.counts(session, now)));
    return new StatusReport(queues, Map.of());
  }

  /**
   * {@code status --json}: the shape of {@code GET /status} ({@code queue}, {@code sessions},
   * {@code accounts}) plus {@code bindings} (session → {uid, boundAt}, or null) and {@code
   * firestore} ({ok, detail}).
   */
  private static void printJson(
      PrintStream out,
      StatusReport report,
      Map<String, SessionBindings.Bound> bindings,
      Optional<String> firestoreDown) {
    JsonObject bound = new JsonObject();
    if (firestoreDown.isEmpty()) {
      for (String session : new TreeMap<>(report.queues()).keySet()) {
        SessionBindings.Bound binding = bindings.get(session);
        if (binding == null) {
          bound.add(session, JsonNull.INSTANCE);
        } else {
          JsonObject json = new JsonObject();
          json.addProperty("uid", binding.uid());
          json.addProperty("boundAt", binding.boundAt().toString());
          bound.add(session, json);
        }
      }
    }
    JsonObject firestore = new JsonObject();
    firestore.addProperty("ok", firestoreDown.isEmpty());
    firestore.addProperty("detail", firestoreDown.orElse(null));
    JsonObject json = StatusJson.of(report);
    json.add("bindings", bound);
    json.add("firestore", firestore);
    out.println(JsonText.of(json));
  }

  private static void printText(
      PrintStream out,
      StatusReport report,
      Map<String, SessionBindings.Bound> bindings,
      Optional<String> firestoreDown) {
    out.println("queues (ready / delayed / in flight / dead):");
    report.queues().forEach((session, counts) -> out.println("  " + line(session, counts)));
    out.println("  " + line("total", report.total()));
    if (firestoreDown.isPresent()) {
      out.println(
          "firestore UNREACHABLE: "
              + firestoreDown.get()
              + " (session bindings and heartbeats are not shown; the queues above are every"
              + " session with messages in Redis)");
      return;
    }
    out.println("session bindings:");
    report
        .queues()
        .keySet()
        .forEach(
            session ->
                out.printf(
                    "  %-24s %s%n",
                    session,
                    Optional.ofNullable(bindings.get(session))
                        .map(b -> "bound to " + b.uid() + " since " + b.boundAt())
                        .orElse("not bound yet (the first account to send is bound)")));
    out.println("last heartbeats:");
    if (report.heartbeats().isEmpty()) {
      out.println("  none (no daemon has run for these accounts yet)");
    }
    report.heartbeats().forEach((uid, heartbeat) -> out.println("  " + line(uid, heartbeat)));
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
