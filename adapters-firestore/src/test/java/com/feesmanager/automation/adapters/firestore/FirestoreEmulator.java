package com.feesmanager.automation.adapters.firestore;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Firestore emulator on a free loopback port: Google's (the {@code
 * google-cloud-cli-firestore-emulator} jar, run as a child JVM) or, where that jar is absent or
 * {@code FIRESTORE_EMULATOR_KIND=npm}, the npm fallback {@code @firestore-emulator/server} run by
 * {@code src/test/emulator-npm/launcher.js}; started, waited for until it answers, reset, stopped
 * with its process tree, and restarted on the same port (for outage tests).
 */
public final class FirestoreEmulator implements AutoCloseable {

  /**
   * Which emulator runs; the npm one lacks features some tests need (see NeedsOfficialEmulator).
   */
  enum Kind {
    OFFICIAL,
    NPM
  }

  public static final String PROJECT = "demo-fees-automation";
  private static final String MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
  private static final List<String> KNOWN_JARS =
      List.of(
          "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
          "/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar");

  static final String NPM_PACKAGE = "@firestore-emulator/server@0.3.15";
  private static final String NPM_DIR = "src/test/emulator-npm";
  private static volatile Kind kind;

  private final Kind ownKind;
  private final Path jar;
  private final int port;
  private final Path log;
  private Process process;
  private BufferedReader npmOut;
  private Writer npmIn;

  private FirestoreEmulator(Kind kind, Path jar, int port) throws IOException {
    this.ownKind = kind;
    this.jar = jar;
    this.port = port;
    this.log = Files.createTempFile("firestore-emulator-", ".log");
  }

  /**
   * Which emulator this JVM's tests use: {@code FIRESTORE_EMULATOR_KIND} ({@code official} or
   * {@code npm}) when set, else the official one when its jar is found, else the npm fallback.
   */
  static Kind kind() {
    if (kind == null) {
      synchronized (FirestoreEmulator.class) {
        if (kind == null) {
          kind = chooseKind();
          System.err.println(
              kind == Kind.OFFICIAL
                  ? "[firestore] tests run on Google's Firestore emulator"
                  : "[firestore] tests run on the npm fallback emulator "
                      + NPM_PACKAGE
                      + ": tests marked @NeedsOfficialEmulator FAIL, naming the missing feature");
        }
      }
    }
    return kind;
  }

  private static Kind chooseKind() {
    String wanted = System.getenv("FIRESTORE_EMULATOR_KIND");
    if (wanted == null || wanted.isBlank()) {
      return findJar().isPresent() ? Kind.OFFICIAL : Kind.NPM;
    }
    return switch (wanted.trim().toLowerCase(Locale.ROOT)) {
      case "official" -> Kind.OFFICIAL;
      case "npm" -> Kind.NPM;
      default ->
          throw new AssertionError(
              "FIRESTORE_EMULATOR_KIND must be official or npm, found " + wanted.trim());
    };
  }

  /** Starts an emulator of {@link #kind()} on a free port; fails loudly when it cannot. */
  static FirestoreEmulator start() {
    Kind chosen = kind();
    Path jar = null;
    if (chosen == Kind.OFFICIAL) {
      jar =
          findJar()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "Firestore emulator jar not found: install the Debian package"
                              + " google-cloud-cli-firestore-emulator or set"
                              + " FIRESTORE_EMULATOR_JAR (or unset FIRESTORE_EMULATOR_KIND to"
                              + " fall back to "
                              + NPM_PACKAGE
                              + ")."));
    } else {
      NpmInstall.ensure();
    }
    try {
      FirestoreEmulator emulator = new FirestoreEmulator(chosen, jar, freePort());
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

  public String host() {
    return "127.0.0.1:" + port;
  }

  /**
   * A plain client of this emulator, for tests that read or write documents as the web app does.
   * The caller closes it.
   */
  public Firestore documentsClient() {
    // The emulator takes any bearer token; "owner" bypasses security rules.
    return FirestoreOptions.newBuilder()
        .setProjectId(PROJECT)
        .setEmulatorHost(host())
        .setCredentials(GoogleCredentials.create(new AccessToken("owner", null)))
        .build()
        .getService();
  }

  public FirestoreConfig config() {
    return FirestoreConfig.emulator(host(), PROJECT);
  }

  /** Deletes every document of the project. */
  public void reset() {
    if (ownKind == Kind.NPM) {
      try {
        npmIn.write("reset\n");
        npmIn.flush();
        String answer = readLine(Duration.ofSeconds(10));
        if (!"reset".equals(answer)) {
          throw new AssertionError("the npm emulator answered reset with " + answer + tail());
        }
      } catch (IOException e) {
        throw new AssertionError("cannot reset the npm emulator: " + e + tail(), e);
      }
      return;
    }
    request("DELETE", "/emulator/v1/projects/" + PROJECT + "/databases/(default)/documents", 200);
  }

  /**
   * SIGSTOP to the emulator and every process it started: connections stay open and nothing
   * answers, as a stalled network or a frozen VM looks to a client. {@link #thaw} undoes it.
   */
  public void freeze() {
    signal("-STOP");
  }

  /** SIGCONT after {@link #freeze}. */
  public void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(process.pid())));
    process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new AssertionError("kill " + signal + " failed for the Firestore emulator");
      }
    } catch (IOException e) {
      throw new AssertionError("cannot signal the Firestore emulator: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted signalling the Firestore emulator", e);
    }
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
    npmOut = null;
    npmIn = null;
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
    if (ownKind == Kind.NPM) {
      startNpmProcess();
      return;
    }
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
            "the Firestore emulator exited with " + process.exitValue() + tail());
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
    throw new AssertionError("the Firestore emulator did not answer within 60 s" + tail());
  }

  /** The launcher prints "ready HOST:PORT" once it listens (stderr goes to the log). */
  private void startNpmProcess() throws IOException {
    Path dir = NpmInstall.dir();
    process =
        new ProcessBuilder(
                "node", "launcher.js", "--host", "127.0.0.1", "--port", String.valueOf(port))
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    npmOut =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    npmIn = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String line = readLine(Duration.ofSeconds(60));
    if (line == null || !line.startsWith("ready ")) {
      stop();
      throw new AssertionError("the npm Firestore emulator did not start (" + line + ")" + tail());
    }
  }

  private String readLine(Duration timeout) {
    BufferedReader reader = npmOut;
    try {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return reader.readLine();
                } catch (IOException e) {
                  return null;
                }
              })
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "(no answer within " + timeout.toSeconds() + " s)";
    } catch (ExecutionException e) {
      return "(" + e.getCause() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for the npm emulator", e);
    }
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
    return ":\n" + tailLines();
  }

  private String tailLines() {
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

  /** Installs the npm fallback into src/test/emulator-npm/node_modules (gitignored) once. */
  static final class NpmInstall {
    private static boolean done;

    private NpmInstall() {}

    static Path dir() {
      for (String candidate : List.of(NPM_DIR, "adapters-firestore/" + NPM_DIR)) {
        Path dir = Path.of(candidate).toAbsolutePath();
        if (Files.isRegularFile(dir.resolve("launcher.js"))) {
          return dir;
        }
      }
      throw new AssertionError(
          "cannot find " + NPM_DIR + "/launcher.js from " + Path.of("").toAbsolutePath());
    }

    static synchronized void ensure() {
      if (done) {
        return;
      }
      Path dir = dir();
      if (!Files.isRegularFile(
          dir.resolve("node_modules/@firestore-emulator/server/package.json"))) {
        run(dir, "npm", "install", "--no-audit", "--no-fund", "--no-package-lock");
      }
      done = true;
    }

    private static void run(Path dir, String... command) {
      try {
        Process npm =
            new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        npm.getOutputStream().close();
        CompletableFuture<String> out =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    return e.toString();
                  }
                });
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
          npm.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " took over 5 minutes in " + dir);
        }
        if (npm.exitValue() != 0) {
          throw new AssertionError(
              String.join(" ", command)
                  + " failed in "
                  + dir
                  + ":\n"
                  + out.get(10, TimeUnit.SECONDS));
        }
      } catch (IOException e) {
        throw new AssertionError(
            "cannot run npm to install "
                + NPM_PACKAGE
                + " (the fallback when the official emulator jar is absent; needs Node.js): "
                + e,
            e);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError(String.join(" ", command) + " failed in " + dir + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted installing " + NPM_PACKAGE, e);
      }
    }
  }
}
