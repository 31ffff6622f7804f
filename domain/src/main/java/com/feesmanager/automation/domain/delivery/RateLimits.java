package com.feesmanager.automation.domain.delivery;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/** The send caps of one WhatsApp session (SPEC §5) and the minimum gap between two sends. */
public record RateLimits(int maxPerHour, int maxPerDay, Duration minGap, ZoneId zone) {

  public RateLimits {
    Objects.requireNonNull(minGap, "'minGap' must not be null");
    Objects.requireNonNull(zone, "'zone' must not be null");
    if (maxPerHour <= 0 || maxPerDay <= 0) {
      throw new IllegalArgumentException("caps must be > 0");
    }
    if (minGap.isNegative()) {
      throw new IllegalArgumentException("'minGap' must not be negative");
    }
  }
}
