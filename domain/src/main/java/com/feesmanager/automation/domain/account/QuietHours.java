package com.feesmanager.automation.domain.account;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A local window, possibly wrapping midnight, in which nothing is sent. Start is inclusive, end
 * exclusive; {@code start == end} is rejected since it would mean either nothing or all day.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public QuietHours {
    Objects.requireNonNull(start, "'start' must not be null");
    Objects.requireNonNull(end, "'end' must not be null");
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours start and end must differ: " + start);
    }
  }

  public boolean wrapsMidnight() {
    return end.isBefore(start);
  }

  public boolean contains(LocalTime time) {
    if (wrapsMidnight()) {
      return !time.isBefore(start) || time.isBefore(end);
    }
    return !time.isBefore(start) && time.isBefore(end);
  }
}
