package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.http.JsonText;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.PreviewOccurrenceService;
import com.feesmanager.automation.bootstrap.EmbeddedDefault;
import com.feesmanager.automation.bootstrap.FirestoreSettings;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.message.Skip;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase.Preview;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase.PreviewCommand;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preview}: what one occurrence of a rule would send, sending and writing nothing (SPEC §8).
 * Exit 0 with the plan, 1 when the rule is invalid (its problems printed), 2 when the account or
 * rule does not exist.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description =
        "Show what one rule would send as of --at (default: now): recipients, bodies, and skipped students with reasons. Sends and writes nothing. Reads Firestore, or account files with --data.")
final class PreviewCli implements Callable<Integer> {

  @Mixin AccountDataOptions data;

  @Option(names = "--account", required = true, paramLabel = "U", description = "Account uid.")
  String account;

  @Option(names = "--rule", required = true, paramLabel = "R", description = "Rule id.")
  String rule;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = {
        "Evaluate as of this instant (ISO-8601 with an offset). Default: now.",
        // its own line: picocli may break a long word at a colon
        "Example: 2026-11-20T10:00:30+05:00"
      })
  Instant at;

  @Option(
      names = "--json",
      description = "Print JSON instead of text (its shape: docs/commands.md).")
  boolean json;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Instant instant = at != null ? at : Instant.now();
    AtomicReference<Optional<ZoneId>> zone = new AtomicReference<>(Optional.empty());
    Preview preview = preview(instant, zone::set);
    if (preview instanceof Preview.NotFound notFound) {
      throw new UsageProblem("no " + notFound.what());
    }
    if (preview instanceof Preview.InvalidRule invalid) {
      out.println("rule " + invalid.ruleId() + " is invalid and would send nothing:");
      invalid.problems().forEach(p -> out.println("  " + p));
      return 1;
    }
    Preview.Planned planned = (Preview.Planned) preview;
    if (json) {
      out.println(
          JsonText.of(PreviewJson.of(planned.ruleId(), planned.occurrence(), planned.plan())));
      return 0;
    }
    out.println(
        "rule "
            + planned.ruleId()
            + ", occurrence "
            // local to the account: its zone says so (issue 15)
            + planned
                .occurrence()
                .map(o -> o + zone.get().map(z -> " " + z).orElse(""))
                .orElse("(none yet)")
            + ": "
            + planned.plan().messages().size()
            + " message(s), "
            + planned.plan().skips().size()
            + " skipped, "
            + planned.plan().matched()
            + " student(s) matched");
    for (PlannedMessage message : planned.plan().messages()) {
      out.println();
      out.println(
          "to " + message.to().digits() + " for " + String.join(", ", message.studentNames()));
      message.body().lines().forEach(line -> out.println("  | " + line));
    }
    if (!planned.plan().skips().isEmpty()) {
      out.println();
      out.println("skipped:");
      for (Skip skip : planned.plan().skips()) {
        out.println("  " + skip.studentName() + " (" + skip.studentId() + "): " + skip.reason());
      }
    }
    return 0;
  }

  /** On the account files given, or on Firestore (SPEC §9: {@code --data} means embedded). */
  private Preview preview(Instant instant, Consumer<Optional<ZoneId>> accountZone) {
    PreviewCommand command = new PreviewCommand(account, rule, instant);
    if (!data.files.isEmpty()) {
      // The outbox is wired but never used: previewing sends nothing.
      Injector injector =
          EmbeddedDefault.injector(
              data.filesOrSample(),
              Clock.fixed(instant, java.time.ZoneOffset.UTC),
              AutomationSettings.defaults(),
              new OutboxGateway(new PrintStream(PrintStream.nullOutputStream()), Path.of("")));
      accountZone.accept(
          injector.getInstance(AccountDirectory.class).account(account).map(a -> a.timezone()));
      return injector.getInstance(PreviewOccurrenceUseCase.class).preview(command);
    }
    AutomationConfig config =
        ServerRuntime.config(environment.variables(), ConfigLoader.Mode.FIRESTORE);
    FirestoreConnection firestore;
    try {
      firestore =
          FirestoreConnection.open(
              FirestoreSettings.from(config),
              ServerClients.accountDefaults(config),
              Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    try (firestore) {
      Preview preview =
          new PreviewOccurrenceService(
                  firestore.accountDirectory(),
                  firestore.ruleSource(),
                  firestore.studentDirectory(),
                  new ReminderPlanner(new PhoneNormaliser(config.defaultCountryCode())))
              .preview(command);
      accountZone.accept(firestore.accountDirectory().account(account).map(a -> a.timezone()));
      return preview;
    }
  }
}
