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
  void a_field_the_web_app_keeps_in_the_account_survives_and_a_dry_run_changes_nothing()
      throws Exception {
    // given: the sample under a fresh uid, and a live account document with a web-app field
    String uid = "live-" + System.nanoTime();
    Path file = accountFile(uid, 3);
    try (com.google.cloud.firestore.Firestore firestore =
        FirestoreEmulatorExtension.emulator().documentsClient()) {
      firestore
          .document("users/" + uid)
          .set(Map.of("subscription", "pro", "academyName", "Old"))
          .get();

      // when
      Run dry = importWith(emulatorEnv(), "--data", file.toString(), "--dry-run");

      // then: the dry run names the changes and writes nothing
      assertThat(dry.exitCode()).as(dry.err()).isZero();
      assertThat(dry.out())
          .contains("would update users/" + uid + ": academyName, automation.enabled")
          .contains("would create users/" + uid + "/students/s-0")
          .contains("would create 3, update 1, leave 0 unchanged")
          .contains("nothing written");
      assertThat(firestore.document("users/" + uid).get().get().getData())
          .isEqualTo(Map.of("subscription", "pro", "academyName", "Old"));
      assertThat(firestore.collection("users/" + uid + "/students").get().get().isEmpty()).isTrue();

      // when
      Run real = importWith(emulatorEnv(), "--data", file.toString());

      // then: merged, the web app's field kept
      assertThat(real.exitCode()).as(real.err()).isZero();
      var account = firestore.document("users/" + uid).get().get();
      assertThat(account.getString("subscription")).isEqualTo("pro");
      assertThat(account.getString("academyName")).isEqualTo("Imported Academy");
      assertThat(real.err()).as("no progress bar for 3 students").isEmpty();
      Run again = importWith(emulatorEnv(), "--data", file.toString(), "--dry-run");
      assertThat(again.out()).contains("would create 0, update 0, leave 4 unchanged");
    }
  }

  @Test
  void a_file_of_more_than_1000_students_shows_a_progress_bar_on_stderr_only() throws Exception {
    // given
    String uid = "big-" + System.nanoTime();
    Path file = accountFile(uid, 1001);

    // when
    Run run = importWith(emulatorEnv(), "--data", file.toString());

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("\r" + uid + " [").contains(" 500/1002 documents");
    assertThat(run.err()).endsWith("1002/1002 documents" + System.lineSeparator());
    assertThat(run.out())
        .doesNotContain("documents")
        .contains("imported " + uid + ": 1001 students");
  }

  /** An account file of {@code students} students, no rules: enough for import. */
  private static Path accountFile(String uid, int students) throws Exception {
    StringBuilder json = new StringBuilder();
    json.append("{\"uid\": \"")
        .append(uid)
        .append("\", \"account\": {\"academyName\":")
        .append(" \"Imported Academy\", \"automation\": {\"enabled\": true}}, \"students\": {");
    for (int i = 0; i < students; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\"s-")
          .append(i)
          .append("\": {\"name\": \"Student ")
          .append(i)
          .append("\", \"phone\": \"03001234567\"}");
    }
    json.append("}}");
    Path file = java.nio.file.Files.createTempFile("account-", ".json");
    java.nio.file.Files.writeString(file, json);
    file.toFile().deleteOnExit();
    return file;
  }

  @Test
  void without_firestore_settings_it_says_what_is_missing_and_exits_2() {
    Run run = importWith(Map.of(), "--data", SAMPLE.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").contains("FIREBASE_PROJECT_ID");
    assertThat(run.err()).doesNotContain("Exception");
  }
}
