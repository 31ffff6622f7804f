package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * The gRPC Firestore client and every adapter built on it, with one write-behind writer; the read
 * cache and the reads' calls are the connection's, shared with the REST adapters when there are
 * any. Only this class and the adapters it builds name the gRPC client's types, so a connection
 * that never builds it never loads them.
 */
final class GrpcAdapters {

  final Firestore firestore;
  final WriteBehind writer;
  final FirestoreAccountDirectory accountDirectory;
  final FirestoreRuleSource ruleSource;
  final FirestoreStudentDirectory studentDirectory;
  final FirestoreDeliveryLog deliveryLog;
  final FirestoreRunLog runLog;
  final FirestoreStatusBoard statusBoard;
  final FirestoreSessionBindings sessionBindings;
  final AccountImporter importer;

  private GrpcAdapters(
      Firestore firestore,
      FirestoreConfig config,
      AccountDefaults defaults,
      Calls calls,
      ReadCache cache,
      Duration readTimeout) {
    this.firestore = firestore;
    Duration timeout = config.callTimeout();
    // the writer retries on its own, without a circuit breaker shared with the reads
    Calls writes = new Calls(timeout, 1, Duration.ofMillis(100), Duration.ofMillis(1));
    this.writer =
        new WriteBehind(
            firestore, writes, timeout, FirestoreConnection.MAX_PENDING_BYTES, Optional.of(calls));
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
   * Builds the client (lazily: the first call dials) from {@link FirestoreOptions} as
   * firebase-admin's {@code FirestoreClient} builds it (fixed credentials scoped for Firestore, the
   * project, the default database), without a {@code FirebaseApp}: the app's HTTP transport (Apache
   * HttpClient, Jackson) is never used by Firestore and cost a tenth of a second at every cold
   * start.
   */
  static GrpcAdapters open(
      FirestoreCredentials credentials,
      FirestoreConfig config,
      AccountDefaults defaults,
      Calls calls,
      ReadCache cache,
      Duration readTimeout) {
    FirestoreOptions.Builder options = FirestoreOptions.newBuilder();
    credentials.emulatorHost().ifPresent(options::setEmulatorHost);
    Firestore firestore;
    try {
      firestore =
          options
              .setCredentialsProvider(FixedCredentialsProvider.create(credentials.scoped()))
              .setProjectId(credentials.projectId())
              .setDatabaseId("(default)")
              .build()
              .getService();
    } catch (RuntimeException e) {
      throw new StoreUnavailable("cannot create the Firestore client: " + e.getMessage(), e);
    }
    try {
      return new GrpcAdapters(firestore, config, defaults, calls, cache, readTimeout);
    } catch (RuntimeException e) {
      closeQuietly(firestore);
      throw new StoreUnavailable("cannot create the Firestore client: " + e.getMessage(), e);
    }
  }

  /** True when a one-document query answers within {@code timeout}; never throws. */
  boolean isReachable(Duration timeout) {
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

  /** Commits what is waiting for up to {@code within}, then closes the client. */
  void close(Duration within) {
    try {
      writer.close(within);
    } finally {
      closeQuietly(firestore);
    }
  }

  private static void closeQuietly(Firestore firestore) {
    try {
      firestore.close();
    } catch (Exception e) {
      // Already failing; the client holds no data worth a second error.
    }
  }
}
