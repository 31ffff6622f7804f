package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.AccountSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The occurrences of a schedule in an account's time zone (SPEC §2): month-end clamping, DST gaps
 * moved forward by the gap, DST overlaps at the earlier offset.
 */
public final class ScheduleCalculator {

  private ScheduleCalculator() {}

  /** The latest occurrence scheduled at or before {@code at}, if any (within a lookback year). */
  public static Optional<Occurrence> latestAtOrBefore(
      String ruleId, Schedule schedule, ZoneId zone, Instant at) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** The first occurrence scheduled strictly after {@code after}, if any. */
  public static Optional<Occurrence> nextAfter(
      String ruleId, Schedule schedule, ZoneId zone, Instant after) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * What to do at {@code now} with the rule's latest occurrence: due within {@code misfireGrace},
   * missed beyond it, a holiday, or nothing (disabled rule, none yet, before {@code createdAt}).
   */
  public static OccurrenceCheck check(
      Rule rule, AccountSettings account, Instant now, Duration misfireGrace) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
