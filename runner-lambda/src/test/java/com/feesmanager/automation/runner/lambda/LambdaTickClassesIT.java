package com.feesmanager.automation.runner.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.bootstrap.Tick;
import com.feesmanager.automation.ports.out.contract.LoadedClasses;
import com.google.cloud.firestore.Firestore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lambda jar's tick as its own process, as cron runs it (issue 16): with nothing due, and with
 * something due, it loads neither Netty, Lettuce, Reactor nor Firestore's gRPC client (Redis
 * through Jedis, Firestore over REST; the JVM's class-load log is read), and delivers each message
 * once.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class LambdaTickClassesIT {

  private static final String NOTHING_DUE = SampleServers.NOTHING_DUE;
  private static final String SAMPLE_UID = SampleServers.SAMPLE_UID;

  /** What the one-shot path must not load: the clients a long-running daemon keeps. */
  private static final List<String> HEAVY =
      List.of(
          "io.netty.",
          "io.lettuce.",
          "reactor.",
          "io.grpc.",
          "com.google.cloud.firestore.",
          "com.google.firestore.v1.");

  @TempDir Path dir;
  private SampleServers servers;
  private WppConnectServerDouble whatsapp;

  @BeforeEach
  void servers() throws Exception {
    servers = SampleServers.start();
    whatsapp = servers.whatsapp();
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void a_tick_with_nothing_due_loads_no_netty_lettuce_or_grpc_class() throws Exception {
    Path classes = dir.resolve("classes.log");
    // the first tick on a fresh Redis records the sample's missed occurrences (something is due);
    // the next finds nothing to do, as every tick of a quiet minute does
    assertThat(tick("-Xshare:auto", "--at", NOTHING_DUE))
        .as("first tick; output:%n%s", Files.readString(output()))
        .isZero();

    int exit = tick("-Xlog:class+load=info:file=" + classes + ":uptime,tags", "--at", NOTHING_DUE);

    assertThat(exit).as("exit code; output:%n%s", Files.readString(output())).isZero();
    List<String> loaded = LoadedClasses.in(Files.readAllLines(classes));
    assertThat(loaded)
        .as("classes loaded")
        .hasSizeGreaterThan(1_000)
        .contains(Tick.class.getName());
    assertThat(heavyWithWhatCameBefore(loaded)).isEmpty();
    // the tick did its work: the sample account's heartbeat was written, and nothing was sent
    try (Firestore documents = FirestoreEmulatorExtension.emulator().documentsClient()) {
      assertThat(
              documents
                  .document("users/" + SAMPLE_UID + "/automation/status")
                  .get()
                  .get(10, TimeUnit.SECONDS)
                  .exists())
          .isTrue();
    }
    assertThat(whatsapp.sends()).isEmpty();
  }

  @Test
  void a_tick_with_something_due_sends_each_message_once_and_loads_no_grpc_either()
      throws Exception {
    Path classes = dir.resolve("classes.log");
    int exit =
        tick("-Xlog:class+load=info:file=" + classes + ":uptime,tags", "--at", SampleServers.DUE);

    assertThat(exit).as("exit code; output:%n%s", Files.readString(output())).isZero();
    assertThat(whatsapp.sends()).hasSize(18);
    assertThat(whatsapp.sends()).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();
    // students, message logs and run records went over REST too
    assertThat(heavyWithWhatCameBefore(LoadedClasses.in(Files.readAllLines(classes)))).isEmpty();
  }

  /** Each heavy class loaded, after the five classes loaded just before it (who asked for it). */
  private static List<String> heavyWithWhatCameBefore(List<String> loaded) {
    List<String> found = new java.util.ArrayList<>();
    for (int i = 0; i < loaded.size() && found.size() < 5; i++) {
      String name = loaded.get(i);
      if (HEAVY.stream().anyMatch(name::startsWith)) {
        found.add(String.join(" < ", loaded.subList(Math.max(0, i - 5), i)) + " < " + name);
      }
    }
    return found;
  }

  private Path output() {
    return dir.resolve("tick.out");
  }

  private int tick(String jvmFlag, String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(jvmFlag);
    command.add("-jar");
    command.add(LambdaJarIT.JAR.toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("--max-seconds", "10"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(servers.env());
    builder.redirectErrorStream(true).redirectOutput(output().toFile());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the tick did not end within 60 s");
    }
    return process.exitValue();
  }
}
