package com.feesmanager.automation.domain.account;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@code automation} settings of an account (SPEC §1.1), defaults already applied. */
public record Automation(
    boolean enabled,
    String wppSession,
    int maxPerHour,
    int maxPerDay,
    Optional<QuietHours> quietHours,
    Set<LocalDate> holidays) {

  public Automation {
    Objects.requireNonNull(wppSession, "'wppSession' must not be null");
    Objects.requireNonNull(quietHours, "'quietHours' must not be null");
    holidays = Set.copyOf(holidays);
    if (wppSession.isBlank()) {
      throw new IllegalArgumentException("'wppSession' must not be blank");
    }
    if (maxPerHour <= 0) {
      throw new IllegalArgumentException("'maxPerHour' must be > 0: " + maxPerHour);
    }
    if (maxPerDay <= 0) {
      throw new IllegalArgumentException("'maxPerDay' must be > 0: " + maxPerDay);
    }
  }

  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }
}
