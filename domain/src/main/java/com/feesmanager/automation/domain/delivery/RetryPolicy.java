package com.feesmanager.automation.domain.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * SPEC §4 retries: {@code maxAttempts} in all, backoff {@code baseDelay × 4^(n−1)} ±20% jitter,
 * permanent errors fail at once.
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
    throw new UnsupportedOperationException("to be implemented");
  }
}
