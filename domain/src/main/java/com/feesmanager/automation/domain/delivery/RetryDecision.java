package com.feesmanager.automation.domain.delivery;

import java.time.Duration;
import java.util.Objects;

/** What happens after a failed attempt. */
public sealed interface RetryDecision {

  /** Try again after {@code delay}. */
  record RetryAfter(Duration delay) implements RetryDecision {
    public RetryAfter {
      Objects.requireNonNull(delay, "'delay' must not be null");
    }
  }

  /** A permanent error: FAILED at once. */
  record Fail() implements RetryDecision {}

  /** The last attempt failed: DEAD, dead-lettered and alerted. */
  record Dead() implements RetryDecision {}
}
