package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.application.QueueDrainer.DrainReport;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.runner.daemon.alerts.LoggingAlerts;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig;
import com.feesmanager.automation.runner.daemon.config.ConfigLoader;
import com.feesmanager.automation.runner.daemon.wiring.EmbeddedAdaptersModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tick}: one scheduler check and one delivery run, for external cron or a function platform
 * (SPEC §8). Exit 0 when every due message was sent, skipped, or waits for a limit or quiet hours;
 * 1 when one failed, went dead or is held (session or gateway down; it stays queued for the next
 * run); 2 on a configuration error.
 */
@Command(
    name = "tick",
    mixinStandardHelpOptions = true,
    description = {
      "Fire the occurrences due at --at (default: now), then deliver until the queue is empty",
      "or --max-seconds pass. Uses Firestore, Redis and wppconnect-server from the environment",
      "and .env, or the embedded default with --data."
    })
final class TickCli implements Callable<Integer> {

  @Mixin AccountDataOptions data;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "Fire what is due at this instant, e.g. 2026-11-10T10:00:30+05:00.")
  Instant at;

  @Option(
      names = "--max-seconds",
      defaultValue = "50",
      description = "Stop delivering after this many seconds. Default: ${DEFAULT-VALUE}.")
  int maxSeconds;

  /** The environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (maxSeconds < 0) {
      throw new UsageProblem("--max-seconds must not be negative");
    }
    Instant start = at != null ? at : Instant.now();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    if (data.files.isEmpty()) {
      return ServerRuntime.run(
          environment, clock, (injector, config, clients) -> run(injector, clock, start, out));
    }
    AutomationConfig config = ServerRuntime.config(environment, ConfigLoader.Mode.EMBEDDED);
    List<Module> modules =
        new ArrayList<>(
            ServerRuntime.coreModules(
                config, clock, new LoggingAlerts(), new InMemoryDailyTally()));
    modules.add(
        new EmbeddedAdaptersModule(
            FileAccountData.load(data.filesOrSample(), ServerRuntime.accountDefaults(config)),
            new OutboxGateway(out, Path.of("outbox.txt")),
            config.visibilityTimeout(),
            config.dedupeRetention()));
    return run(Guice.createInjector(modules), clock, start, out);
  }

  private int run(Injector injector, Clock clock, Instant start, PrintStream out)
      throws InterruptedException {
    FireReport fired =
        injector
            .getInstance(FireDueOccurrencesUseCase.class)
            .fireDueOccurrences(new FireDueOccurrencesCommand(start));
    fired
        .occurrences()
        .forEach(
            o ->
                out.printf(
                    "%s %s %s %s: matched %d, queued %d, skipped %d%n",
                    o.outcome(),
                    o.uid(),
                    o.ruleId(),
                    o.occurrence(),
                    o.matched(),
                    o.queued(),
                    o.skipped()));
    fired.problems().forEach(p -> out.println("problem: " + p));
    Set<String> sessions = new TreeSet<>(injector.getInstance(QueueMonitor.class).sessions());
    for (AccountSettings account :
        injector.getInstance(AccountDirectory.class).enabledAccounts().accounts()) {
      sessions.add(account.automation().wppSession());
    }
    QueueDrainer drainer =
        new QueueDrainer(
            injector.getInstance(DeliverMessagesUseCase.class),
            clock,
            until -> sleep(clock, until));
    DrainReport report =
        drainer.drain(sessions, clock.instant().plusSeconds(maxSeconds), (session, step) -> {});
    out.printf(
        "delivered: sent %d, skipped %d, failed %d, dead %d, held %d, waiting %d%n",
        report.sent(),
        report.skipped(),
        report.failed(),
        report.dead(),
        report.held(),
        report.waiting());
    return report.needsAttention() ? 1 : 0;
  }

  private static void sleep(Clock clock, Instant until) throws InterruptedException {
    while (clock.instant().isBefore(until)) {
      Thread.sleep(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
    }
  }
}
