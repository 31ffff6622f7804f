package com.feesmanager.automation.adapters.firestore;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Starts one Firestore emulator per JVM, shared by every test class that uses this extension (it is
 * stopped when the whole run ends), and clears its data before each such class.
 */
final class FirestoreEmulatorExtension implements BeforeAllCallback {

  private static final Namespace NAMESPACE = Namespace.create(FirestoreEmulatorExtension.class);
  private static volatile FirestoreEmulator shared;

  /** The shared emulator (started by the extension before the class's tests). */
  static FirestoreEmulator emulator() {
    if (shared == null) {
      throw new IllegalStateException("annotate the test class with this extension");
    }
    return shared;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Holder holder =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Holder.class, type -> new Holder(), Holder.class);
    shared = holder.emulator;
    shared.reset();
  }

  /** Closed by JUnit when the root context closes: after the last test of the run. */
  private static final class Holder implements AutoCloseable {
    final FirestoreEmulator emulator = FirestoreEmulator.start();

    @Override
    public void close() {
      emulator.close();
    }
  }
}
