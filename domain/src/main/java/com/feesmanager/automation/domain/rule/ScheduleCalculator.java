package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.AccountSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The occurrences of a schedule in an account's time zone (SPEC §2): month-end clamping, DST gaps
 * moved forward by the gap, DST overlaps at the earlier offset.
 */
public final class ScheduleCalculator {

  // Every valid schedule fires at least once in any 31 consecutive days; a year is a wide margin
  // that still bounds the walk for any input.
  private static final int MAX_DAYS_WALKED = 366;

  private ScheduleCalculator() {}

  /** The latest occurrence scheduled at or before {@code at}, if any (within a lookback year). */
  public static Optional<Occurrence> latestAtOrBefore(
      String ruleId, Schedule schedule, ZoneId zone, Instant at) {
    // Start a day after `at`'s local date: a DST gap can push a late-evening firing past
    // midnight, so the occurrence of the next local date may not have fired yet while this one
    // has (and vice versa); the instant comparison decides.
    LocalDate date = LocalDate.ofInstant(at, zone).plusDays(1);
    for (int i = 0; i <= MAX_DAYS_WALKED; i++, date = date.minusDays(1)) {
      if (firesOn(schedule, date)) {
        Occurrence occurrence = occurrence(ruleId, schedule, zone, date);
        if (!occurrence.firesAt().isAfter(at)) {
          return Optional.of(occurrence);
        }
      }
    }
    return Optional.empty();
  }

  /** The first occurrence scheduled strictly after {@code after}, if any. */
  public static Optional<Occurrence> nextAfter(
      String ruleId, Schedule schedule, ZoneId zone, Instant after) {
    LocalDate date = LocalDate.ofInstant(after, zone).minusDays(1);
    for (int i = 0; i <= MAX_DAYS_WALKED; i++, date = date.plusDays(1)) {
      if (firesOn(schedule, date)) {
        Occurrence occurrence = occurrence(ruleId, schedule, zone, date);
        if (occurrence.firesAt().isAfter(after)) {
          return Optional.of(occurrence);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What to do at {@code now} with the rule's latest occurrence: due within {@code misfireGrace},
   * missed beyond it, a holiday, or nothing (disabled rule, none yet, before {@code createdAt}).
   */
  public static OccurrenceCheck check(
      Rule rule, AccountSettings account, Instant now, Duration misfireGrace) {
    if (!rule.enabled()) {
      return new OccurrenceCheck.NotDue();
    }
    Optional<Occurrence> latest =
        latestAtOrBefore(rule.id(), rule.schedule(), account.timezone(), now);
    if (latest.isEmpty()) {
      return new OccurrenceCheck.NotDue();
    }
    Occurrence occurrence = latest.get();
    if (rule.createdAt().isPresent() && occurrence.firesAt().isBefore(rule.createdAt().get())) {
      return new OccurrenceCheck.NotDue();
    }
    if (account.automation().isHoliday(occurrence.scheduledFor().toLocalDate())) {
      return new OccurrenceCheck.Holiday(occurrence);
    }
    if (Duration.between(occurrence.firesAt(), now).compareTo(misfireGrace) > 0) {
      return new OccurrenceCheck.Missed(occurrence);
    }
    return new OccurrenceCheck.Due(occurrence);
  }

  /**
   * The next occurrence strictly after {@code after} that will really fire (SPEC §1.4, §1.1): none
   * scheduled before the rule's {@code createdAt}, none on one of the account's holidays; empty for
   * a disabled rule or when none falls within the walk (every day a holiday, say).
   */
  public static Optional<Occurrence> nextFiring(Rule rule, AccountSettings account, Instant after) {
    if (!rule.enabled()) {
      return Optional.empty();
    }
    // occurrences before createdAt never fire: start the walk just before it
    Instant from =
        rule.createdAt()
            .map(created -> created.minusNanos(1))
            .filter(created -> created.isAfter(after))
            .orElse(after);
    Optional<Occurrence> next = nextAfter(rule.id(), rule.schedule(), account.timezone(), from);
    for (int i = 0;
        i < MAX_DAYS_WALKED
            && next.isPresent()
            && account.automation().isHoliday(next.get().scheduledFor().toLocalDate());
        i++) {
      next = nextAfter(rule.id(), rule.schedule(), account.timezone(), next.get().firesAt());
    }
    return next.filter(o -> !account.automation().isHoliday(o.scheduledFor().toLocalDate()));
  }

  /** Whether the schedule has an occurrence on local {@code date}. */
  static boolean firesOn(Schedule schedule, LocalDate date) {
    return switch (schedule.frequency()) {
      case DAILY -> true;
      case WEEKLY -> schedule.daysOfWeek().contains(date.getDayOfWeek());
      case MONTHLY -> date.getDayOfMonth() == monthlyDay(schedule.dayOfMonth(), date);
    };
  }

  /** The day a monthly schedule fires in {@code date}'s month: 29–31 and -1 clamp to its end. */
  private static int monthlyDay(int dayOfMonth, LocalDate date) {
    int length = date.lengthOfMonth();
    return dayOfMonth == Schedule.LAST_DAY ? length : Math.min(dayOfMonth, length);
  }

  private static Occurrence occurrence(
      String ruleId, Schedule schedule, ZoneId zone, LocalDate date) {
    LocalDateTime scheduledFor = LocalDateTime.of(date, schedule.time());
    // ZonedDateTime.of moves a gap time forward by the gap's length and picks the earlier offset
    // in an overlap: exactly SPEC §2.
    Instant firesAt = ZonedDateTime.of(scheduledFor, zone).toInstant();
    return new Occurrence(ruleId, scheduledFor, firesAt);
  }
}
