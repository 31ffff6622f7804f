package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.time.Duration;

/**
 * The gRPC Firestore client and the importer built on it (the {@code import} command's batched
 * writes). Only this class and the importer name the gRPC client's types, so a process that never
 * imports never loads them: every port talks REST ({@link RestFirestore}).
 */
final class GrpcAdapters {

  final Firestore firestore;
  final AccountImporter importer;

  private GrpcAdapters(Firestore firestore, Duration timeout) {
    this.firestore = firestore;
    this.importer =
        new AccountImporter(
            firestore, new Calls(timeout, 3, Duration.ofMillis(100), Duration.ofMillis(1)));
  }

  /**
   * Builds the client (lazily: the first call dials) from {@link FirestoreOptions} as
   * firebase-admin's {@code FirestoreClient} builds it (fixed credentials scoped for Firestore, the
   * project, the default database), without a {@code FirebaseApp}.
   */
  static GrpcAdapters open(FirestoreCredentials credentials, FirestoreConfig config) {
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
    return new GrpcAdapters(firestore, config.callTimeout());
  }

  /** Closes the client; already failing, it holds no data worth a second error. */
  void close() {
    try {
      firestore.close();
    } catch (Exception e) {
      // nothing to keep
    }
  }
}
