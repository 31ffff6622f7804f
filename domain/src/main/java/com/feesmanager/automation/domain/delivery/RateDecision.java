package com.feesmanager.automation.domain.delivery;

import java.time.Instant;
import java.util.Objects;

/** Whether a message may be sent now, or when it may be tried again. */
public sealed interface RateDecision {

  /** Go. */
  record SendNow() implements RateDecision {}

  /**
   * Not before {@code until}; {@code reason} names the limit: HOUR_CAP, DAY_CAP, MIN_GAP,
   * QUIET_HOURS.
   */
  record WaitUntil(Instant until, String reason) implements RateDecision {
    public WaitUntil {
      Objects.requireNonNull(until, "'until' must not be null");
      Objects.requireNonNull(reason, "'reason' must not be null");
    }
  }
}
