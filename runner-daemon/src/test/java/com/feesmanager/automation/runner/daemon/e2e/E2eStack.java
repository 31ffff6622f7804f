package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.RedisServerProcess;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one end-to-end test runs against: the shared Firestore emulator (reset first), a private
 * redis-server on a spare port that nothing else can touch, and a wppconnect-server double; plus
 * the daemon jar processes the test starts. Everything started is stopped by {@link #close}.
 */
final class E2eStack implements AutoCloseable {

  static final String WEBHOOK_SECRET = "e2e-webhook-secret";

  final WppConnectServerDouble whatsapp;
  final RedisServerProcess redis;
  final FirestoreConnection firestore;

  /** A plain client for reading what the daemon wrote, as the web app would. */
  private final Firestore documents;

  private final Path workDir;
  private final List<JarProcess> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private E2eStack(
      WppConnectServerDouble whatsapp,
      RedisServerProcess redis,
      FirestoreConnection firestore,
      Path workDir) {
    this.whatsapp = whatsapp;
    this.redis = redis;
    this.firestore = firestore;
    this.workDir = workDir;
    this.documents = FirestoreEmulatorExtension.emulator().documentsClient();
  }

  static E2eStack start(Path workDir) throws IOException {
    return start(workDir, "--appendonly", "no");
  }

  /** A stack whose redis-server runs with {@code redisOptions} (e.g. AOF for the chaos suite). */
  static E2eStack start(Path workDir, String... redisOptions) throws IOException {
    FirestoreEmulatorExtension.emulator().reset();
    Path redisDir = Files.createDirectories(workDir.resolve("redis"));
    return new E2eStack(
        WppConnectServerDouble.start(),
        RedisServerProcess.start(redisDir, redisOptions),
        // seeding thousands of students: a commit may wait long on a machine shared with builds
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config().withCallTimeout(Duration.ofSeconds(60)),
            AccountDefaults.SPEC,
            Clock.systemUTC()),
        workDir);
  }

  /** Imports the account and waits until the daemon's reads can see it. */
  void importAccount(E2eAccount account) throws InterruptedException {
    importAccount(account.file(), account);
  }

  /** Imports {@code file}, one of {@code account}'s files, and waits until it is visible. */
  void importAccount(Map<String, Object> file, E2eAccount account) throws InterruptedException {
    firestore.importer().importAccount(file);
    await(
        "the imported account to be visible",
        Duration.ofSeconds(20),
        () ->
            firestore.accountDirectory().enabledAccounts().accounts().stream()
                .anyMatch(a -> a.uid().equals(account.uid())));
    whatsapp.connect(account.session());
  }

  /** The daemon's settings: every server of this stack, a fresh free HTTP port, no send gap. */
  Map<String, String> env(int httpPort) {
    Map<String, String> env = new HashMap<>();
    env.put("FIRESTORE_EMULATOR_HOST", FirestoreEmulatorExtension.emulator().host());
    env.put("FIREBASE_PROJECT_ID", FirestoreEmulator.PROJECT);
    env.put("REDIS_URL", redis.url());
    env.put("WPPCONNECT_SERVER_URL", whatsapp.baseUrl().toString());
    env.put("WPPCONNECT_SECRET_KEY", whatsapp.secretKey());
    env.put("WEBHOOK_SECRET", WEBHOOK_SECRET);
    env.put("MIN_SEND_INTERVAL", "0");
    env.put("HTTP_PORT", Integer.toString(httpPort));
    env.put("LOG_LEVEL", "info");
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    return env;
  }

  JarProcess startJar(Map<String, String> env, String... args) {
    return startJar(env, JarProcess.TEST_JVM_FLAGS, args);
  }

  JarProcess startJar(Map<String, String> env, List<String> jvmFlags, String... args) {
    JarProcess process = JarProcess.start(workDir, env, jvmFlags, args);
    processes.add(process);
    return process;
  }

  /** Starts {@code daemon} and waits until it answers {@code /health/live}. */
  JarProcess startDaemon(Map<String, String> env) throws InterruptedException {
    return startDaemon(env, JarProcess.TEST_JVM_FLAGS);
  }

  /** Starts {@code daemon} with {@code jvmFlags} and waits until it answers. */
  JarProcess startDaemon(Map<String, String> env, List<String> jvmFlags)
      throws InterruptedException {
    JarProcess daemon = startJar(env, jvmFlags, "daemon");
    int port = Integer.parseInt(env.get("HTTP_PORT"));
    await(
        "the daemon to answer /health/live",
        Duration.ofSeconds(60),
        () -> {
          assertThat(daemon.isAlive()).as("daemon exited: %s", daemon.err()).isTrue();
          return get(port, "/health/live").map(r -> r.statusCode() == 200).orElse(false);
        });
    return daemon;
  }

  Optional<HttpResponse<String>> get(int port, String path) {
    try {
      return Optional.of(
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  int post(int port, String path, String body) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Sends the double received, counted per recipient's digits. */
  Map<String, Long> sendsPerRecipient() {
    return whatsapp.sends().stream()
        .collect(
            Collectors.groupingBy(
                send -> send.phone().replaceAll("\\D", ""), TreeMap::new, Collectors.counting()));
  }

  List<RecordedSend> sends() {
    return whatsapp.sends();
  }

  /** The message logs of {@code uid} by student id. */
  Map<String, DocumentSnapshot> logsByStudent(String uid) {
    return query(uid, "messageLogs").stream()
        .collect(
            Collectors.toMap(
                doc -> doc.getString("studentId"),
                Function.identity(),
                (a, b) -> {
                  throw new AssertionError("two logs for student " + a.getString("studentId"));
                },
                TreeMap::new));
  }

  List<QueryDocumentSnapshot> query(String uid, String collection) {
    try {
      return documents
          .collection("users")
          .document(uid)
          .collection(collection)
          .get()
          .get()
          .getDocuments();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  Optional<DocumentSnapshot> document(String path) {
    try {
      DocumentSnapshot snapshot = documents.document(path).get().get();
      return snapshot.exists() ? Optional.of(snapshot) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** Changes fields of one document as the web app would (keys are field paths: {@code a.b}). */
  void update(String path, Map<String, Object> fields) {
    try {
      documents.document(path).update(fields).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** Writes a whole document as the web app (or a careless script) would, unchecked. */
  void write(String path, Map<String, Object> fields) {
    try {
      documents.document(path).set(fields).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Where the processes' output, the redis data and anything else of this run go. */
  Path workDir() {
    return workDir;
  }

  /** Output of every process this stack started, for failure messages. */
  String transcript() {
    StringBuilder text = new StringBuilder();
    for (JarProcess process : processes) {
      text.append("\n--- ").append(process).append(" stderr ---\n").append(process.err());
      text.append("\n--- stdout ---\n").append(process.out());
    }
    return text.toString();
  }

  /** Copies every process's output to {@code target} (kept after the work directory goes). */
  void keepOutputs(Path target) throws IOException {
    Files.createDirectories(target);
    for (JarProcess process : processes) {
      process.copyOutputs(target);
    }
  }

  @Override
  public void close() throws Exception {
    for (JarProcess process : processes) {
      process.close();
    }
    whatsapp.close();
    redis.close();
    documents.close();
    firestore.close();
  }
}
