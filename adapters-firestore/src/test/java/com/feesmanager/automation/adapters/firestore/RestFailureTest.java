package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REST failures are sorted as the gRPC client's are (Failures). */
class RestFailureTest {

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void an_overloaded_or_unavailable_server_is_transient(int status) {
    assertThat(Failures.isTransient(RestFailure.answered(status, null, "busy"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void a_refused_request_is_not_transient(int status) {
    assertThat(Failures.isTransient(RestFailure.answered(status, null, "no"))).isFalse();
  }

  @Test
  void the_json_errors_status_wins_over_the_http_status() {
    RestFailure failure = RestFailure.answered(400, "FAILED_PRECONDITION", "index needed");

    assertThat(Failures.code(failure)).isEqualTo("FAILED_PRECONDITION");
    assertThat(Failures.isConflict(failure)).isTrue();
    assertThat(Failures.describe(failure)).isEqualTo("FAILED_PRECONDITION: HTTP 400 index needed");
  }

  @Test
  void no_connection_and_no_answer_in_time_are_transient() {
    assertThat(Failures.code(RestFailure.of(new ConnectException("refused"))))
        .isEqualTo("UNAVAILABLE");
    assertThat(Failures.code(RestFailure.of(new HttpTimeoutException("timed out"))))
        .isEqualTo("DEADLINE_EXCEEDED");
    assertThat(Failures.isTransient(RestFailure.of(new IOException("reset")))).isTrue();
  }

  @Test
  void a_rest_failure_is_found_below_other_exceptions() {
    assertThat(
            Failures.code(
                new RuntimeException("wrapped", RestFailure.answered(503, "UNAVAILABLE", "down"))))
        .isEqualTo("UNAVAILABLE");
  }
}
