package com.feesmanager.automation.domain.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in minor units (two decimals), never negative. Sums saturate at the largest
 * amount instead of throwing: a fee is at most 10^12 (SPEC §1.2), so a saturated sum needs some
 * 92,000 of the largest fees, and planning must never fail on a document that passed validation.
 */
public record Money(long minorUnits) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  /** The largest amount; sums stop here. */
  public static final Money MAX = new Money(Long.MAX_VALUE);

  public Money {
    if (minorUnits < 0) {
      throw new IllegalArgumentException("'minorUnits' must not be negative: " + minorUnits);
    }
  }

  /** The amount of a decimal number, rounded half-up to two decimals. */
  public static Money of(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    return new Money(amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
  }

  public static Money of(long wholeUnits) {
    return new Money(Math.multiplyExact(wholeUnits, 100));
  }

  /** The sum, or {@link #MAX} when it would not fit (never throws). */
  public Money plus(Money other) {
    long sum = minorUnits + other.minorUnits;
    // both are ≥ 0, so an overflow shows as a negative sum
    return sum < 0 ? MAX : new Money(sum);
  }

  /** This minus other, floored at zero (a balance never goes negative). */
  public Money minusFloored(Money other) {
    return new Money(Math.max(minorUnits - other.minorUnits, 0));
  }

  public boolean isZero() {
    return minorUnits == 0;
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minorUnits, 2);
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(minorUnits, other.minorUnits);
  }
}
