package com.feesmanager.automation.domain.rule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a rule fires, in the account's local time. {@code daysOfWeek} is used by WEEKLY only and
 * {@code dayOfMonth} (1…31, or {@link #LAST_DAY}) by MONTHLY only.
 */
public record Schedule(
    Frequency frequency, LocalTime time, Set<DayOfWeek> daysOfWeek, int dayOfMonth) {

  /** {@code dayOfMonth} value meaning the last day of the month. */
  public static final int LAST_DAY = -1;

  public Schedule {
    Objects.requireNonNull(frequency, "'frequency' must not be null");
    Objects.requireNonNull(time, "'time' must not be null");
    daysOfWeek = Set.copyOf(daysOfWeek);
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("'time' must be whole minutes: " + time);
    }
    if (frequency == Frequency.WEEKLY && daysOfWeek.isEmpty()) {
      throw new IllegalArgumentException("a WEEKLY schedule needs 'daysOfWeek'");
    }
    if (frequency == Frequency.MONTHLY
        && dayOfMonth != LAST_DAY
        && (dayOfMonth < 1 || dayOfMonth > 31)) {
      throw new IllegalArgumentException("'dayOfMonth' must be 1…31 or -1: " + dayOfMonth);
    }
  }

  public static Schedule daily(LocalTime time) {
    return new Schedule(Frequency.DAILY, time, Set.of(), LAST_DAY);
  }

  public static Schedule weekly(LocalTime time, Set<DayOfWeek> days) {
    return new Schedule(Frequency.WEEKLY, time, days, LAST_DAY);
  }

  public static Schedule monthly(LocalTime time, int dayOfMonth) {
    return new Schedule(Frequency.MONTHLY, time, Set.of(), dayOfMonth);
  }
}
