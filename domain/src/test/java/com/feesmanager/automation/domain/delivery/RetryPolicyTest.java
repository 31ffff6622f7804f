package com.feesmanager.automation.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Duration BASE = Duration.ofSeconds(30);
  private static final RandomGenerator NO_JITTER = new FixedRandom(0.5);

  private final RetryPolicy specDefaults = new RetryPolicy(3, BASE);

  @Test
  void a_permanent_error_fails_at_once_whatever_the_attempt() {
    assertThat(specDefaults.afterFailure(1, FailureKind.PERMANENT, NO_JITTER))
        .isEqualTo(new RetryDecision.Fail());
    assertThat(specDefaults.afterFailure(3, FailureKind.PERMANENT, NO_JITTER))
        .isEqualTo(new RetryDecision.Fail());
  }

  @Test
  void a_retryable_error_before_the_last_attempt_backs_off_by_four_each_time() {
    // given
    RetryPolicy policy = new RetryPolicy(5, BASE);

    // when / then
    assertThat(policy.afterFailure(1, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(30)));
    assertThat(policy.afterFailure(2, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(120)));
    assertThat(policy.afterFailure(3, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(480)));
    assertThat(policy.afterFailure(4, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(1920)));
  }

  @Test
  void a_retryable_error_on_the_last_attempt_is_dead() {
    assertThat(specDefaults.afterFailure(2, FailureKind.RETRYABLE, NO_JITTER))
        .isInstanceOf(RetryDecision.RetryAfter.class);
    assertThat(specDefaults.afterFailure(3, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.Dead());
    assertThat(specDefaults.afterFailure(4, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.Dead());
  }

  @Test
  void with_a_single_attempt_the_first_retryable_failure_is_dead() {
    assertThat(new RetryPolicy(1, BASE).afterFailure(1, FailureKind.RETRYABLE, NO_JITTER))
        .isEqualTo(new RetryDecision.Dead());
  }

  @Test
  void the_smallest_draw_takes_twenty_percent_off() {
    assertThat(specDefaults.afterFailure(1, FailureKind.RETRYABLE, new FixedRandom(0.0)))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(24)));
    assertThat(specDefaults.afterFailure(2, FailureKind.RETRYABLE, new FixedRandom(0.0)))
        .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(96)));
  }

  @Test
  void the_largest_draw_stays_below_twenty_percent_extra() {
    // when
    RetryDecision decision =
        specDefaults.afterFailure(1, FailureKind.RETRYABLE, new FixedRandom(Math.nextDown(1.0)));

    // then
    assertThat(decision)
        .isInstanceOfSatisfying(
            RetryDecision.RetryAfter.class,
            retry ->
                assertThat(retry.delay())
                    .isGreaterThan(Duration.ofMillis(35_999))
                    .isLessThanOrEqualTo(Duration.ofSeconds(36)));
  }

  @Test
  void every_draw_of_a_seeded_generator_is_within_twenty_percent_of_the_backoff() {
    // given
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7L);
    RetryPolicy policy = new RetryPolicy(3, BASE);

    // when / then
    for (int i = 0; i < 10_000; i++) {
      int attempt = 1 + i % 2;
      Duration backoff = BASE.multipliedBy(attempt == 1 ? 1 : 4);
      RetryDecision decision = policy.afterFailure(attempt, FailureKind.RETRYABLE, random);
      assertThat(decision)
          .isInstanceOfSatisfying(
              RetryDecision.RetryAfter.class,
              retry ->
                  assertThat(retry.delay())
                      .isGreaterThanOrEqualTo(backoff.multipliedBy(4).dividedBy(5))
                      .isLessThanOrEqualTo(backoff.multipliedBy(6).dividedBy(5)));
    }
  }

  @Test
  void a_huge_backoff_saturates_instead_of_overflowing() {
    // given
    RetryPolicy policy = new RetryPolicy(100, Duration.ofDays(1));

    // when
    RetryDecision decision = policy.afterFailure(60, FailureKind.RETRYABLE, NO_JITTER);

    // then
    assertThat(decision).isEqualTo(new RetryDecision.RetryAfter(Duration.ofNanos(Long.MAX_VALUE)));
  }

  @Test
  void attempts_are_counted_from_one() {
    assertThatThrownBy(() -> specDefaults.afterFailure(0, FailureKind.RETRYABLE, NO_JITTER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A generator whose every double draw is the same value. */
  private static final class FixedRandom implements RandomGenerator {
    private final double value;

    FixedRandom(double value) {
      this.value = value;
    }

    @Override
    public double nextDouble() {
      return value;
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException("only nextDouble is drawn");
    }
  }
}
