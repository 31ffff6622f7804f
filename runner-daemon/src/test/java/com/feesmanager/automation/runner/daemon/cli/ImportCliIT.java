package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.Mapped;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(FirestoreEmulatorExtension.class)
class ImportCliIT {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);

  private record Run(int exitCode, String out, String err) {}

  private static synchronized Run importWith(Map<String, String> env, String... args) {
    ImportCli command = new ImportCli();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = new CommandLine(command);
      Environment.of(cli).use(env);
      cli.setExecutionExceptionHandler(new CliErrors());
      cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
    }
  }

  private static Map<String, String> emulatorEnv() {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    return Map.of(
        "FIRESTORE_EMULATOR_HOST",
        emulator.host(),
        "FIREBASE_PROJECT_ID",
        FirestoreEmulator.PROJECT);
  }

  @Test
  void import_writes_the_sample_academy_and_twice_changes_nothing() {
    // when
    Run first = importWith(emulatorEnv(), "--data", SAMPLE.toString());
    Run second = importWith(emulatorEnv(), "--data", SAMPLE.toString());

    // then
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported demo-academy: 30 students, 3 templates, 4 rules");
    assertThat(second.exitCode()).isZero();
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(firestore.accountDirectory().enabledAccounts().accounts())
          .extracting(AccountSettings::uid)
          .contains("demo-academy");
      AtomicInteger students = new AtomicInteger();
      firestore
          .studentDirectory()
          .forEachStudent(
              "demo-academy",
              mapped -> {
                if (mapped instanceof Mapped.Ok<?>) {
                  students.incrementAndGet();
                }
              });
      assertThat(students).hasValue(30);
      assertThat(firestore.ruleSource().rules("demo-academy").rules()).hasSize(4);
    }
  }

  @Test
  void without_firestore_settings_it_says_what_is_missing_and_exits_2() {
    Run run = importWith(Map.of(), "--data", SAMPLE.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").contains("FIREBASE_PROJECT_ID");
    assertThat(run.err()).doesNotContain("Exception");
  }
}
