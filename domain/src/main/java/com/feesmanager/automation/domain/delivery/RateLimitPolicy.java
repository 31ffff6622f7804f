package com.feesmanager.automation.domain.delivery;

import com.feesmanager.automation.domain.account.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * SPEC §5 as pure functions of the send history and the instant: the sliding 60-minute cap, the cap
 * per local calendar day, the minimum gap, and quiet hours.
 */
public final class RateLimitPolicy {

  private RateLimitPolicy() {}

  /** May a message go at {@code now} given the session's history? */
  public static RateDecision decide(SendHistory history, RateLimits limits, Instant now) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** The history after a send at {@code now}, the next send not before {@code now + gap}. */
  public static SendHistory afterSend(SendHistory history, Instant now, Duration gap) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** The minimum gap plus 0–50% random jitter (SPEC §4). */
  public static Duration jitteredGap(Duration minGap, RandomGenerator random) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** Inside quiet hours (local), wait until they end; otherwise send now. */
  public static RateDecision quietHours(
      Optional<QuietHours> quietHours, java.time.ZoneId zone, Instant now) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
