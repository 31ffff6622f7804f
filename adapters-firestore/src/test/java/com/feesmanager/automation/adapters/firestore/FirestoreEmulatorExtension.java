package com.feesmanager.automation.adapters.firestore;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts one Firestore emulator per JVM, shared by every test class that uses this extension (it is
 * stopped when the whole run ends), and clears its data before each such class. On the npm fallback
 * emulator, a test marked {@link NeedsOfficialEmulator} is not run but fails, naming what is
 * missing.
 */
public final class FirestoreEmulatorExtension implements BeforeAllCallback, InvocationInterceptor {

  private static final Namespace NAMESPACE = Namespace.create(FirestoreEmulatorExtension.class);
  private static volatile FirestoreEmulator shared;

  /** The shared emulator (started by the extension before the class's tests). */
  public static FirestoreEmulator emulator() {
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

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    Optional<String> missing = missingFeatures(context);
    if (missing.isPresent()) {
      invocation.skip();
      throw new AssertionError(missing.get());
    }
    invocation.proceed();
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    // the set-up of a test that will not run may itself need the missing features
    if (missingFeatures(context).isPresent()) {
      invocation.skip();
    } else {
      invocation.proceed();
    }
  }

  /** The failure message when the test needs what the npm fallback lacks and that is what runs. */
  private static Optional<String> missingFeatures(ExtensionContext context) {
    if (FirestoreEmulator.kind() != FirestoreEmulator.Kind.NPM) {
      return Optional.empty();
    }
    Optional<String> method = context.getTestMethod().map(Method::getName);
    Optional<NeedsOfficialEmulator> needs =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, NeedsOfficialEmulator.class))
            .or(
                () ->
                    context
                        .getTestClass()
                        .flatMap(
                            c -> AnnotationSupport.findAnnotation(c, NeedsOfficialEmulator.class))
                        .filter(
                            n ->
                                n.tests().length == 0
                                    || method.isPresent()
                                        && List.of(n.tests()).contains(method.get())));
    return needs.map(
        n ->
            "NOT RUN on the npm fallback emulator "
                + FirestoreEmulator.NPM_PACKAGE
                + ", which lacks "
                + String.join(", ", n.value())
                + ": this test needs Google's emulator (install google-cloud-cli-firestore-emulator"
                + " or set FIRESTORE_EMULATOR_JAR)");
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
