package com.feesmanager.automation.domain.account;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One month's fee of a student: what was charged, what was paid, and when it is due. */
public record FeeRecord(YearMonth month, Money amount, Money paid, LocalDate dueDate) {

  public FeeRecord {
    Objects.requireNonNull(month, "'month' must not be null");
    Objects.requireNonNull(amount, "'amount' must not be null");
    Objects.requireNonNull(paid, "'paid' must not be null");
    Objects.requireNonNull(dueDate, "'dueDate' must not be null");
  }

  /** {@code max(amount − paid, 0)}. */
  public Money balance() {
    return amount.minusFloored(paid);
  }

  public FeeStatus status() {
    if (balance().isZero()) {
      return FeeStatus.PAID;
    }
    return paid.isZero() ? FeeStatus.UNPAID : FeeStatus.PARTIAL;
  }

  /** Overdue on {@code date} when something is still owed and the due date has passed. */
  public boolean isOverdueOn(LocalDate date) {
    return !balance().isZero() && date.isAfter(dueDate);
  }

  /** Days past the due date on {@code date}; 0 when not overdue. */
  public long daysOverdueOn(LocalDate date) {
    return isOverdueOn(date) ? ChronoUnit.DAYS.between(dueDate, date) : 0;
  }
}
