package com.feesmanager.automation.domain.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * SPEC §4 retries: {@code maxAttempts} in all, backoff {@code baseDelay × 4^(n−1)} ±20% jitter,
 * permanent errors fail at once. The jitter factor is uniform in {@code [0.8, 1.2)}.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay) {

  public static final int MULTIPLIER = 4;
  public static final double JITTER = 0.2;

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "'baseDelay' must not be null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("'maxAttempts' must be ≥ 1: " + maxAttempts);
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("'baseDelay' must not be negative");
    }
  }

  /**
   * After attempt number {@code attemptsMade} (1-based, just consumed) failed with {@code kind}.
   */
  public RetryDecision afterFailure(int attemptsMade, FailureKind kind, RandomGenerator random) {
    Objects.requireNonNull(kind, "'kind' must not be null");
    Objects.requireNonNull(random, "'random' must not be null");
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("'attemptsMade' must be ≥ 1: " + attemptsMade);
    }
    if (kind == FailureKind.PERMANENT) {
      return new RetryDecision.Fail();
    }
    if (attemptsMade >= maxAttempts) {
      return new RetryDecision.Dead();
    }
    double backoff = Math.pow(MULTIPLIER, attemptsMade - 1);
    double jitter = 1 - JITTER + 2 * JITTER * random.nextDouble();
    return new RetryDecision.RetryAfter(Durations.scaled(baseDelay, backoff * jitter));
  }
}
