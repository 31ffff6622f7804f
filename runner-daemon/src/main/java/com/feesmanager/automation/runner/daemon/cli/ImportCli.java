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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code import --data FILE}: writes account files (SPEC §9) into Firestore, idempotently, so the
 * sample academy (or a migrated one) can run for real. Needs only the Firestore settings.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Write account files (SPEC §9) into Firestore: users/{uid} with its students, templates",
      "and automationRules. Idempotent: importing the same file twice changes nothing."
    })
final class ImportCli implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "Account file to import, repeatable.")
  List<Path> files;

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
        out.printf("importing %s from %s …%n", account.uid(), account.source());
        AccountImporter.Imported imported = importer.importAccount(tree(account));
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
