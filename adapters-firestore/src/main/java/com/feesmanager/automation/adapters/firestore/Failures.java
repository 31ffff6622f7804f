package com.feesmanager.automation.adapters.firestore;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Sorts Firestore failures: transient (retry later), conflict (re-read and retry), or permanent.
 */
final class Failures {

  private static final Set<String> TRANSIENT =
      Set.of(
          "UNAVAILABLE",
          "DEADLINE_EXCEEDED",
          "RESOURCE_EXHAUSTED",
          "INTERNAL",
          "UNKNOWN",
          "CANCELLED");
  private static final Set<String> CONFLICT = Set.of("FAILED_PRECONDITION", "ALREADY_EXISTS");

  private Failures() {}

  /** The gRPC status code name of the first cause that has one, else "UNKNOWN". */
  static String code(Throwable failure) {
    // a REST failure first: the checks below load the gRPC client's classes, which only the
    // importer may (docs/firestore.md, "The REST path")
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RestFailure rest) {
        return rest.code();
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return api.getStatusCode().getCode().name();
      }
      if (cause instanceof FirestoreException firestore && firestore.getStatus() != null) {
        return firestore.getStatus().getCode().name();
      }
      if (cause instanceof StatusRuntimeException grpc) {
        return grpc.getStatus().getCode().name();
      }
      if (cause instanceof TimeoutException || cause instanceof CancellationException) {
        return "DEADLINE_EXCEEDED";
      }
    }
    return "UNKNOWN";
  }

  /** Worth retrying after a pause: the store is unreachable, overloaded or slow. */
  static boolean isTransient(Throwable failure) {
    String code = code(failure);
    return TRANSIENT.contains(code) || "ABORTED".equals(code);
  }

  /** A precondition of a conditional write failed: someone else wrote first; re-read. */
  static boolean isConflict(Throwable failure) {
    String code = code(failure);
    return CONFLICT.contains(code) || "ABORTED".equals(code);
  }

  /** One line about a failure, without stack or payload. */
  static String describe(Throwable failure) {
    String code = code(failure);
    Throwable root = failure;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String firstLine = message.lines().findFirst().orElse(message);
    return code + ": " + firstLine;
  }
}
