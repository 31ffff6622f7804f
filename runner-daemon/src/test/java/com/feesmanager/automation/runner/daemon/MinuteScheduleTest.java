package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteScheduleTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void the_next_boundary_comes_from_the_clock_and_its_preparation_five_seconds_before() {
    MinuteSchedule.Next next =
        MinuteSchedule.next(Instant.parse("2026-11-20T10:00:30.250Z"), MINUTE);

    assertThat(next.boundary()).isEqualTo(Instant.parse("2026-11-20T10:01:00Z"));
    assertThat(next.prepareAt()).isEqualTo(Instant.parse("2026-11-20T10:00:55Z"));
  }

  @Test
  void a_check_that_ended_on_a_boundary_is_followed_at_the_next_one() {
    MinuteSchedule.Next next = MinuteSchedule.next(Instant.parse("2026-11-20T10:01:00Z"), MINUTE);

    assertThat(next.boundary()).isEqualTo(Instant.parse("2026-11-20T10:02:00Z"));
  }

  @Test
  void a_check_that_ran_into_the_preparation_time_leaves_no_preparation() {
    MinuteSchedule.Next next = MinuteSchedule.next(Instant.parse("2026-11-20T10:00:56Z"), MINUTE);

    assertThat(next.canPrepare(Instant.parse("2026-11-20T10:00:56Z"))).isFalse();
    assertThat(next.canPrepare(Instant.parse("2026-11-20T10:00:54.999Z"))).isTrue();
  }

  @Test
  void a_short_interval_prepares_a_quarter_of_it_ahead() {
    MinuteSchedule.Next next =
        MinuteSchedule.next(Instant.parse("2026-11-20T10:00:00.100Z"), Duration.ofSeconds(2));

    assertThat(next.boundary()).isEqualTo(Instant.parse("2026-11-20T10:00:02Z"));
    assertThat(next.prepareAt()).isEqualTo(Instant.parse("2026-11-20T10:00:01.500Z"));
  }
}
