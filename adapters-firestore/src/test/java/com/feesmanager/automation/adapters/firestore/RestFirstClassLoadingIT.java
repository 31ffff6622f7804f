package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.contract.LoadedClasses;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tick with nothing due, REST-first, loads none of the gRPC client's classes (issue 16: they are
 * what makes a cold tick dear). Run in a JVM of its own with class loading logged, against the
 * emulator.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
class RestFirstClassLoadingIT {

  private static final List<String> FORBIDDEN =
      List.of("io.grpc.", "io.netty.", "com.google.cloud.firestore.", "com.google.firestore.v1.");

  @Test
  void a_nothing_due_tick_rest_first_loads_no_grpc_netty_or_firestore_sdk_class() throws Exception {
    // given two enabled accounts with a rule each
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    List<String> uids = List.of(Unique.name("academy"), Unique.name("academy"));
    try (FirestoreConnection seeder =
        FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC())) {
      for (String uid : uids) {
        seeder
            .importer()
            .importAccount(
                anAccountFile(uid)
                    .withTemplate("t", "T", "Dear {guardianName|Parent}")
                    .withRule(
                        "daily",
                        doc(
                            "schedule",
                            doc("frequency", "DAILY", "time", "10:00"),
                            "templateId",
                            "t"))
                    .build());
      }
    }

    // when a tick's calls run in a JVM of its own, REST-first
    Path classes = Files.createTempFile("rest-first-classes-", ".log");
    Path output = Files.createTempFile("rest-first-out-", ".log");
    Process tick =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes,
                "-cp",
                System.getProperty("java.class.path"),
                RestFirstTick.class.getName(),
                emulator.host(),
                FirestoreEmulator.PROJECT)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = tick.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      tick.destroyForcibly();
    }

    // then it read both accounts and their rules, and wrote their heartbeats
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(ended).as("the tick ended").isTrue();
    assertThat(tick.exitValue()).as(printed).isZero();
    assertThat(printed).contains("rules=").contains("grpc=false");
    try (Firestore documents = emulator.documentsClient()) {
      for (String uid : uids) {
        assertThat(documents.document("users/" + uid + "/automation/status").get().get().exists())
            .isTrue();
      }
    }
    // and loaded no class of gRPC, Netty or the Firestore client
    List<String> loaded = LoadedClasses.in(Files.readAllLines(classes, StandardCharsets.UTF_8));
    assertThat(loaded).contains(RestAccountDirectory.class.getName());
    assertThat(loaded).filteredOn(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).isEmpty();
  }
}
