package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.firestore.AccountImporter;
import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.local.AccountFile;
import com.feesmanager.automation.adapters.local.AccountFiles;
import com.feesmanager.automation.bootstrap.FirestoreSettings;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.domain.document.AccountDefaults;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import --data FILE [--dry-run]}: writes account files into Firestore, idempotently,
 * merging {@code users/{uid}} (SPEC §8), so the sample academy (or a migrated one) can run for
 * real. Needs only the Firestore settings.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Write account files (the format of examples/, docs/commands.md) into Firestore: users/{uid} is merged, so fields the web app keeps there survive; its students, templates and automationRules are written whole. Idempotent: importing the same file twice changes nothing. A progress bar (on stderr) shows files of more than 1,000 students.")
final class ImportCli implements Callable<Integer> {

  /** Files with more students than this show a progress bar. */
  static final int PROGRESS_ABOVE = 1000;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "Account file to import, repeatable.")
  List<Path> files;

  @Option(
      names = "--dry-run",
      description = "Print what would change, document by document, and write nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new UsageProblem("--data " + file + ": no such readable file");
      }
    }
    AutomationConfig config =
        ServerRuntime.config(environment.variables(), ConfigLoader.Mode.FIRESTORE);
    List<AccountFile> accounts = AccountFiles.readAll(files);
    FirestoreConnection firestore;
    try {
      firestore =
          FirestoreConnection.open(
              FirestoreSettings.from(config), AccountDefaults.SPEC, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    try {
      AccountImporter importer = firestore.importer();
      for (AccountFile account : accounts) {
        if (dryRun) {
          printDryRun(out, account, importer.dryRun(tree(account)));
          continue;
        }
        out.printf("importing %s from %s …%n", account.uid(), account.source());
        AccountImporter.Progress progress =
            account.students().size() > PROGRESS_ABOVE
                ? new ProgressBar(spec.commandLine().getErr(), account.uid())::show
                : AccountImporter.Progress.NONE;
        AccountImporter.Imported imported = importer.importAccount(tree(account), progress);
        out.printf(
            "imported %s: %d students, %d templates, %d rules%n",
            imported.uid(), imported.students(), imported.templates(), imported.rules());
      }
    } finally {
      firestore.flush(Duration.ofSeconds(10));
      firestore.close();
    }
    return 0;
  }

  /** One line per document that would change, then the counts; nothing is written. */
  private static void printDryRun(
      PrintStream out, AccountFile account, List<AccountImporter.Change> changes) {
    Map<AccountImporter.Change.Kind, Integer> counts =
        new EnumMap<>(AccountImporter.Change.Kind.class);
    for (AccountImporter.Change change : changes) {
      counts.merge(change.kind(), 1, Integer::sum);
      switch (change.kind()) {
        case CREATE -> out.println("would create " + change.path());
        case UPDATE ->
            out.println(
                "would update " + change.path() + ": " + String.join(", ", change.fields()));
        case UNCHANGED -> {
          // the summary counts them; listing them would bury the changes
        }
      }
    }
    out.printf(
        "dry run of %s from %s: would create %d, update %d, leave %d unchanged; nothing written%n",
        account.uid(),
        account.source(),
        counts.getOrDefault(AccountImporter.Change.Kind.CREATE, 0),
        counts.getOrDefault(AccountImporter.Change.Kind.UPDATE, 0),
        counts.getOrDefault(AccountImporter.Change.Kind.UNCHANGED, 0));
  }

  /** The account file as the importer takes it: the SPEC §9 JSON tree. */
  private static Map<String, Object> tree(AccountFile file) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("uid", file.uid());
    tree.put("account", file.account());
    tree.put("students", file.students());
    tree.put("templates", file.templates());
    tree.put("automationRules", file.automationRules());
    return tree;
  }
}
