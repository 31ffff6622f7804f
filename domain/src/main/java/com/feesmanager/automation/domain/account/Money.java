package com.feesmanager.automation.domain.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of money in minor units (two decimals), never negative. */
public record Money(long minorUnits) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

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

  public Money plus(Money other) {
    return new Money(Math.addExact(minorUnits, other.minorUnits));
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
