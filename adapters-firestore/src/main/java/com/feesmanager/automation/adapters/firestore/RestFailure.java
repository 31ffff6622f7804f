package com.feesmanager.automation.adapters.firestore;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/**
 * A failed call of Firestore's REST API, with the gRPC status code name its answer stands for (the
 * {@code error.status} of Google's JSON error, else one derived from the HTTP status), so that
 * {@link Failures} sorts it as it sorts the gRPC client's failures.
 */
final class RestFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** HTTP statuses without a JSON error body, as Google's APIs map them to gRPC codes. */
  private static final Map<Integer, String> BY_HTTP_STATUS =
      Map.ofEntries(
          Map.entry(400, "INVALID_ARGUMENT"),
          Map.entry(401, "UNAUTHENTICATED"),
          Map.entry(403, "PERMISSION_DENIED"),
          Map.entry(404, "NOT_FOUND"),
          Map.entry(409, "ABORTED"),
          Map.entry(412, "FAILED_PRECONDITION"),
          Map.entry(429, "RESOURCE_EXHAUSTED"),
          Map.entry(499, "CANCELLED"),
          Map.entry(500, "INTERNAL"),
          Map.entry(501, "UNIMPLEMENTED"),
          Map.entry(502, "UNAVAILABLE"),
          Map.entry(503, "UNAVAILABLE"),
          Map.entry(504, "DEADLINE_EXCEEDED"));

  private final String code;

  RestFailure(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The gRPC status code name, e.g. {@code UNAVAILABLE}. */
  String code() {
    return code;
  }

  /**
   * An answer with HTTP status {@code status}; {@code errorStatus} is the body's {@code
   * error.status} when it has one (it is more precise: 400 may be FAILED_PRECONDITION).
   */
  static RestFailure answered(int status, String errorStatus, String message) {
    String code =
        errorStatus != null && !errorStatus.isBlank()
            ? errorStatus
            : BY_HTTP_STATUS.getOrDefault(status, status >= 500 ? "UNAVAILABLE" : "UNKNOWN");
    return new RestFailure(code, "HTTP " + status + " " + message, null);
  }

  /** A call that got no answer (a timeout, no connection) or an answer that could not be read. */
  static RestFailure of(Throwable failure) {
    String code = failure instanceof HttpTimeoutException ? "DEADLINE_EXCEEDED" : "UNAVAILABLE";
    if (!(failure instanceof IOException)) {
      // not the network: a bug or an answer that could not be read; retried as gRPC's UNKNOWN is
      code = "UNKNOWN";
    }
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new RestFailure(code, message, failure);
  }
}
