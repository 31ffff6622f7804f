package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.Tick;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.bootstrap.alerts.LoggingAlerts;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.bootstrap.wiring.EmbeddedAdaptersModule;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
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
import java.util.Optional;
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
    description =
        "Fire the occurrences due at --at (default: now), then deliver until the queue is empty or --max-seconds pass. Uses Firestore, Redis and wppconnect-server from the environment and .env, or the embedded default with --data.")
final class TickCli implements Callable<Integer> {

  @Mixin AccountDataOptions data;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = {
        "Fire what is due at this instant (ISO-8601 with an offset). Default: now.",
        // its own line: picocli may break a long word at a colon
        "Example: 2026-11-10T10:00:30+05:00"
      })
  Instant at;

  @Option(
      names = "--max-seconds",
      defaultValue = "50",
      description = "Stop delivering after this many seconds. Default: ${DEFAULT-VALUE}.")
  int maxSeconds;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (maxSeconds < 0) {
      throw new UsageProblem("--max-seconds must not be negative");
    }
    Instant start = at != null ? at : Instant.now();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    if (data.files.isEmpty()) {
      // the same server-backed tick as the cron and function-platform runners
      Tick.Report report =
          Tick.run(
              environment.variables(),
              clock,
              Optional.of(start),
              Duration.ofSeconds(maxSeconds),
              out);
      if (!report.error().isEmpty()) {
        System.err.println("error: " + report.error());
      }
      return report.exitCode();
    }
    AutomationConfig config =
        ServerRuntime.config(environment.variables(), ConfigLoader.Mode.EMBEDDED);
    List<Module> modules =
        new ArrayList<>(
            ServerRuntime.coreModules(
                config, clock, new LoggingAlerts(), new InMemoryDailyTally()));
    modules.add(
        new EmbeddedAdaptersModule(
            FileAccountData.load(data.filesOrSample(), ServerClients.accountDefaults(config)),
            new OutboxGateway(out, Path.of("outbox.txt")),
            config.visibilityTimeout(),
            config.dedupeRetention()));
    return run(Guice.createInjector(modules), clock, start, out);
  }

  private int run(Injector injector, Clock clock, Instant start, PrintStream out)
      throws InterruptedException {
    return Tick.on(injector, clock, start, Duration.ofSeconds(maxSeconds), out).exitCode();
  }
}
