package com.feesmanager.automation.domain.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Arithmetic on durations the JDK lacks: scaling by a fractional factor. */
final class Durations {

  private static final BigDecimal LONGEST_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * {@code duration × factor}, rounded down to the nanosecond so that a factor below a bound never
   * reaches it, and saturating at about 292 years instead of overflowing (only a misconfiguration
   * gets there).
   */
  static Duration scaled(Duration duration, double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("'factor' must be finite and ≥ 0: " + factor);
    }
    BigDecimal nanos =
        BigDecimal.valueOf(duration.getSeconds())
            .scaleByPowerOfTen(9)
            .add(BigDecimal.valueOf(duration.getNano()));
    BigDecimal scaled = nanos.multiply(new BigDecimal(factor)).setScale(0, RoundingMode.FLOOR);
    if (scaled.compareTo(LONGEST_NANOS) >= 0) {
      return Duration.ofNanos(Long.MAX_VALUE);
    }
    return Duration.ofNanos(scaled.longValueExact());
  }
}
