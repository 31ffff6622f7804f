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
 * Every port of the connection talks REST: a JVM making every kind of call the daemon and a tick
 * make loads none of the gRPC client's classes (issue 16: they made a cold tick dear and were a
 * sixth of the daemon's resident memory). Run in a JVM of its own with class loading logged,
 * against the emulator.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
class RestOnlyClassLoadingIT {

  private static final List<String> FORBIDDEN =
      List.of("io.grpc.", "io.netty.", "com.google.cloud.firestore.", "com.google.firestore.v1.");

  @Test
  void every_port_s_calls_load_no_grpc_netty_or_firestore_sdk_class() throws Exception {
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
                    .withStudent("stu-001", doc("name", "Ali", "guardianPhone", "+923001234567"))
                    .withStudent("stu-002", doc("name", "Sara", "guardianPhone", "+923001234568"))
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

    // when every port's calls run in a JVM of its own
    Path classes = Files.createTempFile("rest-only-classes-", ".log");
    Path output = Files.createTempFile("rest-only-out-", ".log");
    Process tick =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes,
                "-cp",
                System.getProperty("java.class.path"),
                EveryPortCalls.class.getName(),
                emulator.host(),
                FirestoreEmulator.PROJECT,
                uids.get(0),
                uids.get(1))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = tick.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      tick.destroyForcibly();
    }

    // then it read both accounts, their rules and students, and wrote what it was given
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(ended).as("the calls ended").isTrue();
    assertThat(tick.exitValue()).as(printed).isZero();
    assertThat(printed).contains("rules=2 students=4").contains("grpc=false");
    try (Firestore documents = emulator.documentsClient()) {
      for (String uid : uids) {
        assertThat(documents.document("users/" + uid + "/automation/status").get().get().exists())
            .isTrue();
        assertThat(documents.collection("users/" + uid + "/messageLogs").get().get().size())
            .isEqualTo(1);
        assertThat(documents.collection("users/" + uid + "/automationRuns").get().get().size())
            .isEqualTo(1);
        assertThat(documents.document("automationSessions/session-" + uid).get().get().get("uid"))
            .isEqualTo(uid + "-other");
      }
    }
    // and loaded no class of gRPC, Netty or the Firestore client
    List<String> loaded = LoadedClasses.in(Files.readAllLines(classes, StandardCharsets.UTF_8));
    assertThat(loaded).contains(RestAccountDirectory.class.getName());
    assertThat(loaded).filteredOn(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).isEmpty();
  }
}
