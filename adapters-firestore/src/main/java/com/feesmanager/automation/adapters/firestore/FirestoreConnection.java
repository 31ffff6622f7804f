package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig.CredentialsFile;
import com.feesmanager.automation.adapters.firestore.FirestoreConfig.Emulator;
import com.feesmanager.automation.adapters.firestore.FirestoreConfig.ServiceAccount;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Firestore client and every adapter built on it, sharing one read cache and one write-behind
 * writer. The runner opens it from a {@link FirestoreConfig}, hands the adapters to the core, and
 * closes it at shutdown (which commits the writes still waiting, within a few seconds).
 */
public final class FirestoreConnection implements AutoCloseable {

  /**
   * The heap that writes waiting for Firestore may hold (an estimate): a few thousand logs, well
   * inside the daemon's 96 MiB heap. Past it a caller waits briefly, then writes through.
   */
  static final long MAX_PENDING_BYTES = 8L << 20;

  /** The scopes Firestore needs (firebase-admin asks for these among its wider set). */
  private static final List<String> SCOPES =
      List.of(
          "https://www.googleapis.com/auth/cloud-platform",
          "https://www.googleapis.com/auth/datastore");

  /** The longest a read waits for Firestore before the cache serves instead. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final Firestore firestore;
  private final WriteBehind writer;
  private final FirestoreAccountDirectory accountDirectory;
  private final FirestoreRuleSource ruleSource;
  private final FirestoreStudentDirectory studentDirectory;
  private final FirestoreDeliveryLog deliveryLog;
  private final FirestoreRunLog runLog;
  private final FirestoreStatusBoard statusBoard;
  private final FirestoreSessionBindings sessionBindings;
  private final AccountImporter importer;

  private FirestoreConnection(
      Firestore firestore, FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    this.firestore = firestore;
    Duration timeout = config.callTimeout();
    // a read unanswered for READ_TIMEOUT is an outage: the cache serves (SPEC §8, a short outage
    // delays nothing), so sending never waits longer than that for Firestore
    Duration readTimeout = timeout.compareTo(READ_TIMEOUT) < 0 ? timeout : READ_TIMEOUT;
    Calls calls = new Calls(readTimeout, 3, Duration.ofMillis(100), readTimeout.multipliedBy(2));
    // the writer retries on its own, without a circuit breaker shared with the reads
    Calls writes = new Calls(timeout, 1, Duration.ofMillis(100), Duration.ofMillis(1));
    ReadCache cache = new ReadCache(clock, config.cacheMaxAge());
    this.writer =
        new WriteBehind(firestore, writes, timeout, MAX_PENDING_BYTES, Optional.of(calls));
    this.accountDirectory = new FirestoreAccountDirectory(firestore, calls, cache, defaults);
    this.ruleSource = new FirestoreRuleSource(firestore, calls, cache);
    this.studentDirectory =
        new FirestoreStudentDirectory(
            firestore, calls, cache, config.pageSize(), config.ledgerMaxAge(), timeout);
    // the end of a message waits no longer than a read: then it is asked for later instead
    this.deliveryLog = new FirestoreDeliveryLog(firestore, calls, writer, readTimeout);
    this.runLog = new FirestoreRunLog(firestore, calls, writer);
    this.statusBoard = new FirestoreStatusBoard(firestore, calls, writer);
    this.sessionBindings = new FirestoreSessionBindings(firestore, calls);
    this.importer =
        new AccountImporter(
            firestore, new Calls(timeout, 3, Duration.ofMillis(100), Duration.ofMillis(1)));
  }

  /**
   * Connects (lazily: the first call dials). A key or key file that cannot be used is an {@link
   * IllegalArgumentException} with a one-line message naming the setting.
   *
   * <p>The client is built from {@link FirestoreOptions} as firebase-admin's {@code
   * FirestoreClient} builds it (fixed credentials scoped for Firestore, the project, the default
   * database), without a {@code FirebaseApp}: the app's HTTP transport (Apache HttpClient, Jackson)
   * is never used by Firestore and cost a tenth of a second at every cold start.
   */
  public static FirestoreConnection open(
      FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    Objects.requireNonNull(config, "'config' must not be null");
    Objects.requireNonNull(defaults, "'defaults' must not be null");
    Objects.requireNonNull(clock, "'clock' must not be null");
    FirestoreOptions.Builder options = FirestoreOptions.newBuilder();
    GoogleCredentials credentials;
    String projectId;
    if (config.credentials() instanceof Emulator emulator) {
      // The emulator takes any bearer token; "owner" bypasses security rules. NoCredentials with
      // an emulator host would silently dial the production host (see docs/firestore.md).
      credentials = GoogleCredentials.create(new AccessToken("owner", null));
      options.setEmulatorHost(emulator.host());
      projectId = config.projectId().orElseThrow();
    } else if (config.credentials() instanceof ServiceAccount account) {
      try {
        credentials =
            ServiceAccountCredentials.fromPkcs8(
                null, account.clientEmail(), account.privateKeyPem(), null, null);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "FIREBASE_PRIVATE_KEY is not a readable PKCS#8 private key");
      }
      projectId = config.projectId().orElseThrow();
    } else {
      CredentialsFile file = (CredentialsFile) config.credentials();
      GoogleCredentials fromFile;
      try (InputStream in = Files.newInputStream(file.path())) {
        fromFile = GoogleCredentials.fromStream(in);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "GOOGLE_APPLICATION_CREDENTIALS is not a readable service account key file: "
                + file.path());
      }
      credentials = fromFile;
      projectId =
          config
              .projectId()
              .or(
                  () ->
                      fromFile instanceof ServiceAccountCredentials service
                          ? java.util.Optional.ofNullable(service.getProjectId())
                          : java.util.Optional.empty())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "FIREBASE_PROJECT_ID is required: the key file names no project"));
    }
    Firestore firestore;
    try {
      firestore =
          options
              .setCredentialsProvider(
                  FixedCredentialsProvider.create(credentials.createScoped(SCOPES)))
              .setProjectId(projectId)
              .setDatabaseId("(default)")
              .build()
              .getService();
    } catch (RuntimeException e) {
      throw new StoreUnavailable("cannot create the Firestore client: " + e.getMessage(), e);
    }
    try {
      return new FirestoreConnection(firestore, config, defaults, clock);
    } catch (RuntimeException e) {
      closeQuietly(firestore);
      throw new StoreUnavailable("cannot create the Firestore client: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Firestore firestore) {
    try {
      firestore.close();
    } catch (Exception e) {
      // Already failing; the client holds no data worth a second error.
    }
  }

  public FirestoreAccountDirectory accountDirectory() {
    return accountDirectory;
  }

  public FirestoreRuleSource ruleSource() {
    return ruleSource;
  }

  public FirestoreStudentDirectory studentDirectory() {
    return studentDirectory;
  }

  public FirestoreDeliveryLog deliveryLog() {
    return deliveryLog;
  }

  public FirestoreRunLog runLog() {
    return runLog;
  }

  public FirestoreStatusBoard statusBoard() {
    return statusBoard;
  }

  public FirestoreSessionBindings sessionBindings() {
    return sessionBindings;
  }

  public AccountImporter importer() {
    return importer;
  }

  /** The client, for tests in this package that write documents as the web app does. */
  Firestore firestore() {
    return firestore;
  }

  /**
   * True when Firestore answers a one-document query within {@code timeout} now, bypassing the
   * outage cache (for readiness and outage alerts); never throws.
   */
  public boolean isReachable(Duration timeout) {
    try {
      firestore
          .collection("users")
          .limit(1)
          .get()
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /** Waits until every log, run and heartbeat written so far is committed; false on timeout. */
  public boolean flush(Duration timeout) {
    return writer.flush(timeout);
  }

  /** Writes handed over and not yet committed (for the heartbeat and health checks). */
  public int pendingWrites() {
    return writer.pendingCount();
  }

  /** Commits what is waiting (for up to 10 s), then closes the client. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Commits what is waiting for up to {@code within} (the rest of a shutdown's budget), then closes
   * the client; writes left are logged as a count. Ends of queued messages are never among them:
   * those were written through.
   */
  public void close(Duration within) {
    try {
      writer.close(within);
    } finally {
      closeQuietly(firestore);
    }
  }
}
