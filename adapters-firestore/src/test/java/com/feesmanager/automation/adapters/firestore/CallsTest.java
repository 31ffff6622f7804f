package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.api.core.ApiFutures;
import com.google.api.core.SettableApiFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallsTest {

  private final Calls calls =
      new Calls(Duration.ofMillis(50), 3, Duration.ofMillis(1), Duration.ofMinutes(1));
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void a_read_nobody_answers_is_not_retried_and_opens_the_breaker_so_the_cache_serves_at_once() {
    // a frozen Firestore: the call is taken, the answer never comes
    assertThatThrownBy(
            () ->
                calls.read(
                    "users/u1",
                    () -> {
                      attempts.incrementAndGet();
                      return SettableApiFuture.<String>create();
                    }))
        .isInstanceOf(Calls.Transient.class);

    // one timeout, not three in a row: the next read fails at once without calling
    assertThat(attempts).hasValue(1);
    assertThat(calls.recentlyFailed()).isTrue();
    assertThatThrownBy(
            () ->
                calls.read(
                    "users/u1",
                    () -> {
                      attempts.incrementAndGet();
                      return ApiFutures.immediateFuture("never asked");
                    }))
        .isInstanceOf(StoreUnavailable.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void a_read_that_failed_quickly_is_still_retried() {
    String value =
        calls.read(
            "users/u1",
            () ->
                attempts.incrementAndGet() < 3
                    ? ApiFutures.immediateFailedFuture(
                        new io.grpc.StatusRuntimeException(io.grpc.Status.UNAVAILABLE))
                    : ApiFutures.immediateFuture("read"));

    assertThat(value).isEqualTo("read");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void a_rest_read_that_failed_transiently_is_retried_and_a_refused_one_is_not() {
    // the REST client's futures are CompletableFutures failing with a RestFailure
    String value =
        calls.read(
            "users/u1",
            () ->
                attempts.incrementAndGet() < 3
                    ? CompletableFuture.<String>failedFuture(
                        RestFailure.answered(503, null, "unavailable"))
                    : CompletableFuture.completedFuture("read"));
    assertThat(value).isEqualTo("read");
    assertThat(attempts).hasValue(3);

    assertThatThrownBy(
            () ->
                calls.read(
                    "users/u1",
                    () -> {
                      attempts.incrementAndGet();
                      return CompletableFuture.<String>failedFuture(
                          RestFailure.answered(403, "PERMISSION_DENIED", "denied"));
                    }))
        .isInstanceOf(StoreUnavailable.class)
        .isNotInstanceOf(Calls.Transient.class)
        .hasMessageContaining("PERMISSION_DENIED");
    assertThat(attempts).hasValue(4);
  }
}
