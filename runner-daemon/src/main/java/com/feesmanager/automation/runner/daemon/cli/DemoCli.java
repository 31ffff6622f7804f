package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.bootstrap.EmbeddedDefault;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.delivery.RetryPolicy;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.DrainReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the embedded default (SPEC §9). Fires the latest occurrence of every rule of the
 * account files as of an instant, delivers through the outbox, and prints a summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the embedded default: no Firestore, Redis or WhatsApp server. Fires the latest occurrence of every rule as of --at (default: now), delivers the messages through an outbox (printed and appended to --outbox), and prints a summary. Without --data it runs the bundled sample academy (examples/academy-demo.json).")
final class DemoCli implements Callable<Integer> {

  /** The demo fires each rule's latest occurrence, however old, so there is always a run. */
  private static final Duration DEMO_MISFIRE_GRACE = Duration.ofDays(366);

  @Mixin AccountDataOptions data;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = {
        "Run as of this instant (ISO-8601 with an offset). Default: now.",
        // its own line: picocli may break a long word at a colon
        "Example: 2026-11-20T10:00:30+05:00"
      })
  Instant at;

  @Option(
      names = "--outbox",
      paramLabel = "FILE",
      defaultValue = "outbox.txt",
      description = "File the outbox appends each message to. Default: ${DEFAULT-VALUE}.")
  Path outbox;

  @Option(
      names = "--min-gap",
      paramLabel = "DURATION",
      defaultValue = "PT0.1S",
      converter = DurationConverter.class,
      description =
          "Minimum gap between two sends (production default PT3S). Default: ${DEFAULT-VALUE}.")
  Duration minGap;

  @Option(
      names = "--max-seconds",
      defaultValue = "60",
      description = "Stop delivering after this many seconds. Default: ${DEFAULT-VALUE}.")
  int maxSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Instant start = at != null ? at : Instant.now();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    AutomationSettings settings =
        new AutomationSettings(
            DEMO_MISFIRE_GRACE,
            Duration.ofMinutes(5),
            minGap,
            new RetryPolicy(3, Duration.ofSeconds(30)),
            Duration.ofSeconds(30),
            AutomationSettings.defaults().sendGrace());
    Injector injector =
        EmbeddedDefault.injector(
            data.filesOrSample(), clock, settings, new OutboxGateway(out, outbox));

    Map<String, ZoneId> zones = new TreeMap<>();
    injector
        .getInstance(AccountDirectory.class)
        .enabledAccounts()
        .accounts()
        .forEach(account -> zones.put(account.uid(), account.timezone()));
    out.println(
        "== fees-automation demo as of " + asOf(start, zones) + " (outbox: " + outbox + ")");
    FireReport fired =
        injector
            .getInstance(FireDueOccurrencesUseCase.class)
            .fireDueOccurrences(new FireDueOccurrencesCommand(start));
    printFired(out, fired, zones);

    DrainQueuesUseCase drainer =
        new QueueDrainer(
            injector.getInstance(DeliverMessagesUseCase.class),
            clock,
            QueueDrainer.Sleeper.onClock(clock));
    DrainReport drained =
        drainer.drain(
            injector.getInstance(QueueMonitor.class).sessions(),
            clock.instant().plusSeconds(maxSeconds),
            (session, step) -> printStep(out, step));
    printSummary(out, fired, drained, injector.getInstance(InMemoryDeliveryLog.class).all());
    return 0;
  }

  /**
   * The run's instant as a person reads the rows below it: in the accounts' zone when they share
   * one ({@code 2026-11-20T10:00:30+05:00[Asia/Karachi]}), else in UTC, said so.
   */
  static String asOf(Instant start, Map<String, ZoneId> zones) {
    Set<ZoneId> distinct = new HashSet<>(zones.values());
    return distinct.size() == 1
        ? start.atZone(distinct.iterator().next()).truncatedTo(ChronoUnit.SECONDS).toString()
        : start.truncatedTo(ChronoUnit.SECONDS) + " (UTC; each occurrence in its account's zone)";
  }

  private static void printFired(PrintStream out, FireReport report, Map<String, ZoneId> zones) {
    out.println();
    out.println("Occurrences fired (local time of each account):");
    for (OccurrenceReport o : report.occurrences()) {
      out.printf(
          "  %-22s %-30s %-13s matched %3d  queued %3d  skipped %3d%s%n",
          o.ruleId(),
          o.occurrence() + Optional.ofNullable(zones.get(o.uid())).map(z -> " " + z).orElse(""),
          o.outcome(),
          o.matched(),
          o.queued(),
          o.skipped(),
          o.problems().isEmpty() ? "" : "  " + String.join("; ", o.problems()));
    }
    report.problems().forEach(p -> out.println("  problem: " + p));
    out.println();
  }

  private static void printStep(PrintStream out, DeliveryStep step) {
    if (step instanceof DeliveryStep.Skipped skipped) {
      out.println("  (not sent " + skipped.key() + ": " + skipped.reason() + ")");
    } else if (step instanceof DeliveryStep.Held held) {
      out.println("  (held " + held.key() + ": " + held.reason() + ")");
    } else if (step instanceof DeliveryStep.Failed failed) {
      out.println("  (failed " + failed.key() + ": " + failed.reason() + ")");
    }
  }

  private static void printSummary(
      PrintStream out, FireReport fired, DrainReport drained, List<MessageLog> logs) {
    Map<String, List<MessageLog>> skippedByReason =
        logs.stream()
            .filter(l -> l.status() == MessageStatus.SKIPPED)
            .sorted(Comparator.comparing(MessageLog::studentName))
            .collect(
                Collectors.groupingBy(
                    l -> l.reason().orElse("?"), TreeMap::new, Collectors.toList()));
    long queued = logs.stream().filter(l -> l.status() == MessageStatus.QUEUED).count();
    out.println();
    out.println("Summary:");
    out.printf(
        "  sent %d, skipped %d, failed %d, still queued %d%n",
        drained.sent(),
        skippedByReason.values().stream().mapToInt(List::size).sum(),
        drained.failed() + drained.dead(),
        queued);
    skippedByReason.forEach(
        (reason, list) ->
            out.printf(
                "  skipped %-20s %s%n",
                reason,
                list.stream()
                    .map(l -> l.studentName() + " (" + l.ruleId() + ")")
                    .collect(Collectors.joining(", "))));
    if (queued > 0) {
      out.println(
          "  still queued messages wait for quiet hours or rate limits (see docs/decisions.md)");
    }
  }
}
