package com.feesmanager.automation.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.template.CompiledTemplate;
import com.feesmanager.automation.domain.template.TemplateCompilation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleCalculatorTest {

  private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration GRACE = Duration.ofHours(6);

  @Nested
  class Daily {

    private final Schedule tenAm = Schedule.daily(LocalTime.of(10, 0));

    @Test
    void the_occurrence_is_due_from_the_exact_minute_it_is_scheduled_for() {
      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", tenAm, KARACHI, Instant.parse("2026-11-10T05:00:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-11-10T10:00", "2026-11-10T05:00:00Z"));
      assertThat(latest.get().localName()).isEqualTo("2026-11-10T10:00");
      assertThat(latest.get().runId()).isEqualTo("r_2026-11-10T10:00");
    }

    @Test
    void a_second_before_the_time_the_latest_occurrence_is_yesterdays() {
      assertThat(
              ScheduleCalculator.latestAtOrBefore(
                  "r", tenAm, KARACHI, Instant.parse("2026-11-10T04:59:59Z")))
          .contains(occurrence("2026-11-09T10:00", "2026-11-09T05:00:00Z"));
    }

    @Test
    void the_next_occurrence_is_strictly_after_the_given_instant() {
      assertThat(
              ScheduleCalculator.nextAfter(
                  "r", tenAm, KARACHI, Instant.parse("2026-11-10T05:00:00Z")))
          .contains(occurrence("2026-11-11T10:00", "2026-11-11T05:00:00Z"));
      assertThat(
              ScheduleCalculator.nextAfter(
                  "r", tenAm, KARACHI, Instant.parse("2026-11-10T04:59:59Z")))
          .contains(occurrence("2026-11-10T10:00", "2026-11-10T05:00:00Z"));
    }

    @Test
    void the_local_date_follows_the_zone_not_utc() {
      // given: 23:30 in Karachi is 18:30 UTC the same day; 00:15 local is the previous UTC day
      Schedule quarterPastMidnight = Schedule.daily(LocalTime.of(0, 15));

      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", quarterPastMidnight, KARACHI, Instant.parse("2026-11-09T19:20:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-11-10T00:15", "2026-11-09T19:15:00Z"));
    }

    @Test
    void karachi_has_no_dst_so_the_utc_instant_is_the_same_all_year() {
      // when
      Occurrence march =
          ScheduleCalculator.nextAfter("r", tenAm, KARACHI, Instant.parse("2026-03-08T00:00:00Z"))
              .orElseThrow();
      Occurrence november =
          ScheduleCalculator.nextAfter("r", tenAm, KARACHI, Instant.parse("2026-11-01T00:00:00Z"))
              .orElseThrow();

      // then
      assertThat(march).isEqualTo(occurrence("2026-03-08T10:00", "2026-03-08T05:00:00Z"));
      assertThat(november).isEqualTo(occurrence("2026-11-01T10:00", "2026-11-01T05:00:00Z"));
    }
  }

  @Nested
  class Daylight_saving {

    @Test
    void a_time_in_the_spring_forward_gap_fires_an_hour_later_but_keeps_its_local_name() {
      // given: New York jumps from 02:00 EST to 03:00 EDT on 2026-03-08
      Schedule twoThirty = Schedule.daily(LocalTime.of(2, 30));

      // when
      Occurrence next =
          ScheduleCalculator.nextAfter(
                  "r", twoThirty, NEW_YORK, Instant.parse("2026-03-08T05:00:00Z"))
              .orElseThrow();

      // then: 03:30 EDT
      assertThat(next).isEqualTo(occurrence("2026-03-08T02:30", "2026-03-08T07:30:00Z"));
    }

    @Test
    void the_gap_occurrence_is_not_the_latest_before_it_actually_fires() {
      // given
      Schedule twoThirty = Schedule.daily(LocalTime.of(2, 30));

      // when: 03:15 EDT, after the nominal 02:30 but before 03:30
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", twoThirty, NEW_YORK, Instant.parse("2026-03-08T07:15:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-03-07T02:30", "2026-03-07T07:30:00Z"));
    }

    @Test
    void london_spring_forward_moves_one_thirty_to_two_thirty_bst() {
      // given: London jumps from 01:00 GMT to 02:00 BST on 2026-03-29
      Schedule oneThirty = Schedule.daily(LocalTime.of(1, 30));

      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", oneThirty, LONDON, Instant.parse("2026-03-29T12:00:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-03-29T01:30", "2026-03-29T01:30:00Z"));
    }

    @Test
    void an_ambiguous_time_on_the_fall_back_night_fires_once_at_the_earlier_offset() {
      // given: New York repeats 01:00–02:00 on 2026-11-01 (EDT, then EST)
      Schedule oneThirty = Schedule.daily(LocalTime.of(1, 30));
      Occurrence firstPass = occurrence("2026-11-01T01:30", "2026-11-01T05:30:00Z");

      // when: at the first 01:30 (EDT) and at the repeated 01:30 (EST)
      Optional<Occurrence> atFirst =
          ScheduleCalculator.latestAtOrBefore(
              "r", oneThirty, NEW_YORK, Instant.parse("2026-11-01T05:30:00Z"));
      Optional<Occurrence> atRepeat =
          ScheduleCalculator.latestAtOrBefore(
              "r", oneThirty, NEW_YORK, Instant.parse("2026-11-01T06:30:00Z"));
      Optional<Occurrence> nextAfterFirst =
          ScheduleCalculator.nextAfter(
              "r", oneThirty, NEW_YORK, Instant.parse("2026-11-01T05:30:00Z"));

      // then: the same occurrence both times, and the next one is the following day
      assertThat(atFirst).contains(firstPass);
      assertThat(atRepeat).contains(firstPass);
      assertThat(nextAfterFirst).contains(occurrence("2026-11-02T01:30", "2026-11-02T06:30:00Z"));
    }

    @Test
    void london_fall_back_fires_at_the_earlier_bst_offset() {
      // given: London repeats 01:00–02:00 on 2026-10-25 (BST, then GMT)
      Schedule oneThirty = Schedule.daily(LocalTime.of(1, 30));

      // when
      Optional<Occurrence> next =
          ScheduleCalculator.nextAfter(
              "r", oneThirty, LONDON, Instant.parse("2026-10-24T12:00:00Z"));

      // then
      assertThat(next).contains(occurrence("2026-10-25T01:30", "2026-10-25T00:30:00Z"));
    }
  }

  @Nested
  class Monthly {

    @ParameterizedTest(name = "day {0} after {1} fires on {2}")
    @CsvSource({
      "31, 2026-02-01T00:00:00Z, 2026-02-28",
      "31, 2028-02-01T00:00:00Z, 2028-02-29",
      "30, 2027-02-01T00:00:00Z, 2027-02-28",
      "29, 2027-02-01T00:00:00Z, 2027-02-28",
      "29, 2028-02-01T00:00:00Z, 2028-02-29",
      "31, 2026-04-01T00:00:00Z, 2026-04-30",
      "31, 2026-04-30T06:00:00Z, 2026-05-31",
      "-1, 2026-04-01T00:00:00Z, 2026-04-30",
      "-1, 2028-02-01T00:00:00Z, 2028-02-29",
      "-1, 2026-12-31T06:00:00Z, 2027-01-31",
      "1, 2026-12-31T06:00:00Z, 2027-01-01",
      "15, 2026-11-15T04:59:00Z, 2026-11-15"
    })
    void a_day_past_the_end_of_a_shorter_month_means_its_last_day(
        int dayOfMonth, Instant after, LocalDate expected) {
      // given
      Schedule schedule = Schedule.monthly(LocalTime.of(10, 0), dayOfMonth);

      // when
      Occurrence next = ScheduleCalculator.nextAfter("r", schedule, KARACHI, after).orElseThrow();

      // then
      assertThat(next.scheduledFor()).isEqualTo(expected.atTime(10, 0));
    }

    @Test
    void the_latest_occurrence_of_the_31st_in_mid_march_is_the_end_of_february() {
      // given
      Schedule schedule = Schedule.monthly(LocalTime.of(10, 0), 31);

      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", schedule, KARACHI, Instant.parse("2026-03-15T00:00:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-02-28T10:00", "2026-02-28T05:00:00Z"));
    }

    @Test
    void leap_day_2028_is_the_latest_occurrence_of_the_29th_in_march_2028() {
      // given
      Schedule schedule = Schedule.monthly(LocalTime.of(9, 0), 29);

      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", schedule, KARACHI, Instant.parse("2028-03-28T00:00:00Z"));

      // then
      assertThat(latest).contains(occurrence("2028-02-29T09:00", "2028-02-29T04:00:00Z"));
    }
  }

  @Nested
  class Weekly {

    private final Schedule mondaysAndFridays =
        Schedule.weekly(LocalTime.of(10, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void on_a_sunday_the_latest_occurrence_is_the_previous_friday() {
      // given: 2027-01-03 is a Sunday
      Instant sundayNoon = Instant.parse("2027-01-03T07:00:00Z");

      // when
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore("r", mondaysAndFridays, KARACHI, sundayNoon);

      // then: Friday 2027-01-01, across the year boundary
      assertThat(latest).contains(occurrence("2027-01-01T10:00", "2027-01-01T05:00:00Z"));
    }

    @Test
    void after_friday_the_next_occurrence_is_monday_of_the_next_week() {
      // when
      Optional<Occurrence> next =
          ScheduleCalculator.nextAfter(
              "r", mondaysAndFridays, KARACHI, Instant.parse("2027-01-01T05:00:00Z"));

      // then
      assertThat(next).contains(occurrence("2027-01-04T10:00", "2027-01-04T05:00:00Z"));
    }

    @Test
    void a_single_day_a_week_is_found_a_full_week_back() {
      // given: Thursdays only; 2026-12-31 is a Thursday
      Schedule thursdays = Schedule.weekly(LocalTime.of(10, 0), Set.of(DayOfWeek.THURSDAY));

      // when: Thursday 09:59, before this week's occurrence
      Optional<Occurrence> latest =
          ScheduleCalculator.latestAtOrBefore(
              "r", thursdays, KARACHI, Instant.parse("2026-12-31T04:59:00Z"));

      // then
      assertThat(latest).contains(occurrence("2026-12-24T10:00", "2026-12-24T05:00:00Z"));
    }
  }

  @Nested
  class Check {

    private final Schedule tenAm = Schedule.daily(LocalTime.of(10, 0));
    private final Instant firesAt = Instant.parse("2026-11-10T05:00:00Z");
    private final Occurrence tenthAtTen = occurrence("2026-11-10T10:00", "2026-11-10T05:00:00Z");

    @Test
    void an_occurrence_is_due_at_its_minute() {
      assertThat(ScheduleCalculator.check(rule(tenAm), account(), firesAt, GRACE))
          .isEqualTo(new OccurrenceCheck.Due(tenthAtTen));
    }

    @Test
    void an_occurrence_exactly_as_old_as_the_grace_is_still_due() {
      assertThat(ScheduleCalculator.check(rule(tenAm), account(), firesAt.plus(GRACE), GRACE))
          .isEqualTo(new OccurrenceCheck.Due(tenthAtTen));
    }

    @Test
    void an_occurrence_older_than_the_grace_is_missed() {
      assertThat(
              ScheduleCalculator.check(
                  rule(tenAm), account(), firesAt.plus(GRACE).plusSeconds(1), GRACE))
          .isEqualTo(new OccurrenceCheck.Missed(tenthAtTen));
    }

    @Test
    void after_days_of_downtime_only_the_latest_occurrence_counts() {
      // given: nothing ran for three days; now is an hour after today's occurrence
      Instant now = Instant.parse("2026-11-13T06:00:00Z");

      // when
      OccurrenceCheck check = ScheduleCalculator.check(rule(tenAm), account(), now, GRACE);

      // then
      assertThat(check)
          .isEqualTo(
              new OccurrenceCheck.Due(occurrence("2026-11-13T10:00", "2026-11-13T05:00:00Z")));
    }

    @Test
    void a_disabled_rule_is_never_due() {
      assertThat(ScheduleCalculator.check(disabled(rule(tenAm)), account(), firesAt, GRACE))
          .isEqualTo(new OccurrenceCheck.NotDue());
    }

    @Test
    void an_occurrence_before_the_rule_was_created_does_not_fire() {
      // given: created a minute after today's occurrence
      Rule rule = createdAt(rule(tenAm), firesAt.plusSeconds(60));

      // when
      OccurrenceCheck check =
          ScheduleCalculator.check(rule, account(), firesAt.plusSeconds(120), GRACE);

      // then
      assertThat(check).isEqualTo(new OccurrenceCheck.NotDue());
    }

    @Test
    void an_occurrence_at_the_instant_the_rule_was_created_fires() {
      // given
      Rule rule = createdAt(rule(tenAm), firesAt);

      // when
      OccurrenceCheck check = ScheduleCalculator.check(rule, account(), firesAt, GRACE);

      // then
      assertThat(check).isEqualTo(new OccurrenceCheck.Due(tenthAtTen));
    }

    @Test
    void the_first_occurrence_after_creation_fires() {
      // given: created yesterday evening
      Rule rule = createdAt(rule(tenAm), Instant.parse("2026-11-09T15:00:00Z"));

      // when
      OccurrenceCheck check = ScheduleCalculator.check(rule, account(), firesAt, GRACE);

      // then
      assertThat(check).isEqualTo(new OccurrenceCheck.Due(tenthAtTen));
    }

    @Test
    void an_occurrence_on_a_holiday_is_reported_as_a_holiday() {
      // given
      AccountSettings account = account(LocalDate.parse("2026-11-10"));

      // when
      OccurrenceCheck check = ScheduleCalculator.check(rule(tenAm), account, firesAt, GRACE);

      // then
      assertThat(check).isEqualTo(new OccurrenceCheck.Holiday(tenthAtTen));
    }

    @Test
    void a_holiday_on_another_date_changes_nothing() {
      // given
      AccountSettings account = account(LocalDate.parse("2026-11-09"));

      // when
      OccurrenceCheck check = ScheduleCalculator.check(rule(tenAm), account, firesAt, GRACE);

      // then
      assertThat(check).isEqualTo(new OccurrenceCheck.Due(tenthAtTen));
    }

    @Test
    void the_holiday_is_the_local_date_of_the_occurrence_not_the_utc_date() {
      // given: 00:15 Karachi on 2026-11-10 is 19:15 UTC on 2026-11-09
      Schedule quarterPastMidnight = Schedule.daily(LocalTime.of(0, 15));
      AccountSettings account = account(LocalDate.parse("2026-11-10"));

      // when
      OccurrenceCheck check =
          ScheduleCalculator.check(
              rule(quarterPastMidnight), account, Instant.parse("2026-11-09T19:15:00Z"), GRACE);

      // then
      assertThat(check)
          .isEqualTo(
              new OccurrenceCheck.Holiday(occurrence("2026-11-10T00:15", "2026-11-09T19:15:00Z")));
    }
  }

  @Nested
  class NextFiring {

    private final Schedule tenAm = Schedule.daily(LocalTime.of(10, 0));
    private final Instant beforeTen = Instant.parse("2026-11-10T04:00:00Z");

    @Test
    void the_next_firing_is_the_next_occurrence_of_an_ordinary_rule() {
      assertThat(ScheduleCalculator.nextFiring(rule(tenAm), account(), beforeTen))
          .contains(occurrence("2026-11-10T10:00", "2026-11-10T05:00:00Z"));
    }

    @Test
    void holidays_are_passed_over_to_the_first_working_day() {
      // given: today and tomorrow are holidays
      AccountSettings account =
          account(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-11"));

      // when
      Optional<Occurrence> next = ScheduleCalculator.nextFiring(rule(tenAm), account, beforeTen);

      // then
      assertThat(next).contains(occurrence("2026-11-12T10:00", "2026-11-12T05:00:00Z"));
    }

    @Test
    void occurrences_before_the_rule_was_created_are_passed_over() {
      // given: a rule created for next week (the web app may date it ahead)
      Rule rule = createdAt(rule(tenAm), Instant.parse("2026-11-17T05:00:00Z"));

      // when
      Optional<Occurrence> next = ScheduleCalculator.nextFiring(rule, account(), beforeTen);

      // then: the occurrence at the instant of creation fires, so it is the next one
      assertThat(next).contains(occurrence("2026-11-17T10:00", "2026-11-17T05:00:00Z"));
    }

    @Test
    void a_creation_in_the_past_changes_nothing() {
      Rule rule = createdAt(rule(tenAm), Instant.parse("2026-01-01T00:00:00Z"));

      assertThat(ScheduleCalculator.nextFiring(rule, account(), beforeTen))
          .contains(occurrence("2026-11-10T10:00", "2026-11-10T05:00:00Z"));
    }

    @Test
    void a_disabled_rule_has_no_next_firing() {
      assertThat(ScheduleCalculator.nextFiring(disabled(rule(tenAm)), account(), beforeTen))
          .isEmpty();
    }
  }

  private static Occurrence occurrence(String scheduledFor, String firesAt) {
    return new Occurrence("r", LocalDateTime.parse(scheduledFor), Instant.parse(firesAt));
  }

  private static Rule rule(Schedule schedule) {
    TemplateCompilation compiled = CompiledTemplate.compile("Your fees are due.");
    return new Rule(
        "r",
        "Reminder",
        true,
        schedule,
        Criteria.any(),
        Audience.GUARDIAN,
        ((TemplateCompilation.Compiled) compiled).template(),
        Optional.empty(),
        false);
  }

  private static Rule disabled(Rule rule) {
    return new Rule(
        rule.id(),
        rule.name(),
        false,
        rule.schedule(),
        rule.criteria(),
        rule.audience(),
        rule.template(),
        rule.createdAt(),
        rule.consolidate());
  }

  private static Rule createdAt(Rule rule, Instant createdAt) {
    return new Rule(
        rule.id(),
        rule.name(),
        rule.enabled(),
        rule.schedule(),
        rule.criteria(),
        rule.audience(),
        rule.template(),
        Optional.of(createdAt),
        rule.consolidate());
  }

  private static AccountSettings account(LocalDate... holidays) {
    return new AccountSettings(
        "academy-1",
        "Academy",
        KARACHI,
        "PKR",
        new Automation(true, "academy-1", 100, 1000, Optional.empty(), Set.of(holidays)));
  }
}
