package com.feesmanager.automation.adapters.firestore;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Google's Firestore emulator (the {@code google-cloud-cli-firestore-emulator} jar) run as a child
 * JVM on a free loopback port: started, waited for until it answers, reset, stopped with its
 * process tree, and restarted on the same port (for outage tests).
 */
final class FirestoreEmulator implements AutoCloseable {

  static final String PROJECT = "demo-fees-automation";
  private static final String MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
  private static final List<String> KNOWN_JARS =
      List.of(
          "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
          "/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar");

  private final Path jar;
  private final int port;
  private final Path log;
  private Process process;

  private FirestoreEmulator(Path jar, int port) throws IOException {
    this.jar = jar;
    this.port = port;
    this.log = Files.createTempFile("firestore-emulator-", ".log");
  }

  /** Starts an emulator on a free port; fails loudly when the jar cannot be found. */
  static FirestoreEmulator start() {
    Path jar =
        findJar()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "Firestore emulator jar not found: install the Debian package"
                            + " google-cloud-cli-firestore-emulator or set FIRESTORE_EMULATOR_JAR."
                            + " These tests need cursors, collection-group queries, atomic batches"
                            + " and preconditions, which the npm fallback"
                            + " @firestore-emulator/server lacks, so they cannot run without it."));
    try {
      FirestoreEmulator emulator = new FirestoreEmulator(jar, freePort());
      emulator.startProcess();
      return emulator;
    } catch (IOException e) {
      throw new AssertionError("cannot start the Firestore emulator: " + e, e);
    }
  }

  static Optional<Path> findJar() {
    String configured = System.getenv("FIRESTORE_EMULATOR_JAR");
    if (configured != null && Files.isReadable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    try {
      Process dpkg =
          new ProcessBuilder("dpkg", "-L", "google-cloud-cli-firestore-emulator")
              .redirectErrorStream(true)
              .start();
      String out = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      dpkg.waitFor(10, TimeUnit.SECONDS);
      Optional<Path> listed =
          out.lines()
              .filter(line -> line.endsWith("emulator.jar"))
              .map(Path::of)
              .filter(Files::isReadable)
              .findFirst();
      if (listed.isPresent()) {
        return listed;
      }
    } catch (IOException e) {
      // no dpkg: try the known paths
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return KNOWN_JARS.stream().map(Path::of).filter(Files::isReadable).findFirst();
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  FirestoreConfig config() {
    return FirestoreConfig.emulator(host(), PROJECT);
  }

  /** Deletes every document of the project. */
  void reset() {
    request("DELETE", "/emulator/v1/projects/" + PROJECT + "/databases/(default)/documents", 200);
  }

  /** Stops the emulator and every process it started. */
  void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts it again on the same port (with no data: the emulator keeps it in memory). */
  void restart() {
    stop();
    try {
      startProcess();
    } catch (IOException e) {
      throw new AssertionError("cannot restart the Firestore emulator: " + e, e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void startProcess() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process =
        new ProcessBuilder(
                java.toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar.toString(),
                MAIN,
                "start",
                "--host=127.0.0.1",
                "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the Firestore emulator exited with " + process.exitValue() + ":\n" + tail());
      }
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for the emulator", e);
      }
    }
    stop();
    throw new AssertionError("the Firestore emulator did not answer within 60 s:\n" + tail());
  }

  private boolean answers() {
    try {
      return request("GET", "/", -1) == 200;
    } catch (AssertionError notYet) {
      return false;
    }
  }

  private int request(String method, String path, int expected) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://" + host() + path).toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(10_000);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (expected > 0 && status != expected) {
        throw new AssertionError(method + " " + path + " answered " + status);
      }
      return status;
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
