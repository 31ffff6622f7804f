package com.feesmanager.automation.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.account.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

  private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = at("2026-11-10T10:00:00+05:00");

  private static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  private static RateLimits limits(int maxPerHour, int maxPerDay) {
    return new RateLimits(maxPerHour, maxPerDay, Duration.ofSeconds(3), KARACHI);
  }

  private static SendHistory sends(Instant... sends) {
    return new SendHistory(List.of(sends), Optional.empty());
  }

  private static RateDecision waitUntil(Instant until, String reason) {
    return new RateDecision.WaitUntil(until, reason);
  }

  @Nested
  class HourCap {

    @Test
    void an_empty_history_sends_now() {
      // given / when
      RateDecision decision = RateLimitPolicy.decide(SendHistory.empty(), limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void below_the_cap_sends_now() {
      // given
      SendHistory history = sends(NOW.minusSeconds(50 * 60), NOW.minusSeconds(10 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void at_the_cap_waits_until_the_oldest_send_in_the_window_leaves_it() {
      // given
      Instant oldest = NOW.minusSeconds(59 * 60);
      SendHistory history = sends(oldest, NOW.minusSeconds(30 * 60), NOW.minusSeconds(10 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(oldest.plusSeconds(60 * 60), "HOUR_CAP"));
    }

    @Test
    void a_send_exactly_60_minutes_ago_no_longer_counts() {
      // given
      SendHistory history =
          sends(NOW.minusSeconds(60 * 60), NOW.minusSeconds(30 * 60), NOW.minusSeconds(10 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void a_send_a_nanosecond_less_than_60_minutes_ago_still_counts() {
      // given
      Instant oldest = NOW.minusSeconds(60 * 60).plusNanos(1);
      SendHistory history = sends(oldest, NOW.minusSeconds(30 * 60), NOW.minusSeconds(10 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(NOW.plusNanos(1), "HOUR_CAP"));
    }

    @Test
    void a_send_at_now_itself_counts() {
      // given
      Instant oldest = NOW.minusSeconds(20 * 60);
      SendHistory history = sends(oldest, NOW);

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(2, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(oldest.plusSeconds(60 * 60), "HOUR_CAP"));
    }

    @Test
    void at_the_instant_it_was_told_to_wait_for_the_window_has_room_for_one() {
      // given
      SendHistory history =
          sends(NOW.minusSeconds(45 * 60), NOW.minusSeconds(30 * 60), NOW.minusSeconds(10 * 60));
      RateDecision.WaitUntil wait =
          (RateDecision.WaitUntil) RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // when
      RateDecision atUntil = RateLimitPolicy.decide(history, limits(3, 1000), wait.until());
      RateDecision justBefore =
          RateLimitPolicy.decide(history, limits(3, 1000), wait.until().minusNanos(1));

      // then
      assertThat(atUntil).isEqualTo(new RateDecision.SendNow());
      assertThat(justBefore).isEqualTo(wait);
    }

    @Test
    void more_sends_than_a_lowered_cap_waits_until_the_window_holds_one_less_than_the_cap() {
      // given: five sends in the window, cap now 3
      Instant third = NOW.minusSeconds(40 * 60);
      SendHistory history =
          sends(
              NOW.minusSeconds(55 * 60),
              NOW.minusSeconds(50 * 60),
              third,
              NOW.minusSeconds(20 * 60),
              NOW.minusSeconds(5 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then: when the third oldest leaves, two remain
      assertThat(decision).isEqualTo(waitUntil(third.plusSeconds(60 * 60), "HOUR_CAP"));
    }

    @Test
    void unordered_history_is_read_by_time() {
      // given
      Instant oldest = NOW.minusSeconds(50 * 60);
      SendHistory history = sends(NOW.minusSeconds(5 * 60), oldest, NOW.minusSeconds(20 * 60));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(3, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(oldest.plusSeconds(60 * 60), "HOUR_CAP"));
    }
  }

  @Nested
  class DayCap {

    @Test
    void at_the_cap_waits_until_the_next_local_midnight() {
      // given: the first send exactly at local midnight belongs to the day
      SendHistory history = sends(at("2026-11-10T00:00:00+05:00"), at("2026-11-10T10:00:00+05:00"));
      Instant now = at("2026-11-10T23:59:00+05:00");

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(100, 2), now);

      // then
      assertThat(decision).isEqualTo(waitUntil(at("2026-11-11T00:00:00+05:00"), "DAY_CAP"));
    }

    @Test
    void sends_of_the_previous_local_day_do_not_count_even_on_the_same_utc_date() {
      // given: 23:00 and 23:50 local on the 9th are 18:00Z and 18:50Z, the UTC date of now
      SendHistory history = sends(at("2026-11-09T23:00:00+05:00"), at("2026-11-09T23:50:00+05:00"));
      Instant now = at("2026-11-10T00:30:00+05:00");

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(100, 2), now);

      // then
      assertThat(decision).isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void a_send_just_before_local_midnight_counts_for_that_day_only() {
      // given
      SendHistory history =
          sends(at("2026-11-09T12:00:00+05:00"), at("2026-11-09T23:59:59.999+05:00"));

      // when
      RateDecision before =
          RateLimitPolicy.decide(history, limits(100, 2), at("2026-11-09T23:59:59.999+05:00"));
      RateDecision atMidnight =
          RateLimitPolicy.decide(history, limits(100, 2), at("2026-11-10T00:00:00+05:00"));

      // then
      assertThat(before).isEqualTo(waitUntil(at("2026-11-10T00:00:00+05:00"), "DAY_CAP"));
      assertThat(atMidnight).isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void the_next_day_starts_when_the_clocks_do_if_midnight_does_not_exist() {
      // given: São Paulo jumped from 00:00 to 01:00 on 2018-11-04
      ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
      RateLimits limits = new RateLimits(100, 1, Duration.ofSeconds(3), saoPaulo);
      SendHistory history = sends(at("2018-11-03T09:00:00-03:00"));

      // when
      RateDecision decision =
          RateLimitPolicy.decide(history, limits, at("2018-11-03T22:00:00-03:00"));

      // then
      assertThat(decision).isEqualTo(waitUntil(at("2018-11-04T01:00:00-02:00"), "DAY_CAP"));
    }

    @Test
    void a_25_hour_fall_back_day_counts_all_its_sends() {
      // given: Berlin's 2026-10-25 lasts 25 hours
      RateLimits limits = new RateLimits(100, 2, Duration.ofSeconds(3), BERLIN);
      SendHistory history = sends(at("2026-10-25T00:10:00+02:00"), at("2026-10-25T23:00:00+01:00"));

      // when
      RateDecision decision =
          RateLimitPolicy.decide(history, limits, at("2026-10-25T23:30:00+01:00"));

      // then
      assertThat(decision).isEqualTo(waitUntil(at("2026-10-26T00:00:00+01:00"), "DAY_CAP"));
    }
  }

  @Nested
  class MinGap {

    @Test
    void before_not_before_waits_until_it() {
      // given
      SendHistory history = new SendHistory(List.of(), Optional.of(NOW.plusSeconds(2)));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(100, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(NOW.plusSeconds(2), "MIN_GAP"));
    }

    @Test
    void at_or_after_not_before_sends_now() {
      // given
      SendHistory history = new SendHistory(List.of(), Optional.of(NOW));

      // when / then
      assertThat(RateLimitPolicy.decide(history, limits(100, 1000), NOW))
          .isEqualTo(new RateDecision.SendNow());
      assertThat(RateLimitPolicy.decide(history, limits(100, 1000), NOW.plusSeconds(1)))
          .isEqualTo(new RateDecision.SendNow());
    }
  }

  @Nested
  class SeveralLimits {

    @Test
    void hour_and_day_caps_together_wait_for_the_later_day_cap() {
      // given
      Instant oldest = at("2026-11-10T22:00:00+05:00");
      SendHistory history = sends(oldest, at("2026-11-10T22:30:00+05:00"));
      Instant now = at("2026-11-10T22:45:00+05:00");

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(2, 2), now);

      // then
      assertThat(decision).isEqualTo(waitUntil(at("2026-11-11T00:00:00+05:00"), "DAY_CAP"));
    }

    @Test
    void hour_and_day_caps_together_wait_for_the_later_hour_cap_past_midnight() {
      // given: the day is full and the hour window only frees up at 00:20 on the next day
      SendHistory history = sends(at("2026-11-10T23:20:00+05:00"), at("2026-11-10T23:40:00+05:00"));
      Instant now = at("2026-11-10T23:50:00+05:00");

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(2, 2), now);

      // then
      assertThat(decision).isEqualTo(waitUntil(at("2026-11-11T00:20:00+05:00"), "HOUR_CAP"));
    }

    @Test
    void a_min_gap_shorter_than_the_hour_cap_gives_way_to_it() {
      // given
      Instant oldest = NOW.minusSeconds(50 * 60);
      SendHistory history =
          new SendHistory(List.of(oldest, NOW.minusSeconds(1)), Optional.of(NOW.plusSeconds(2)));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(2, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(oldest.plusSeconds(60 * 60), "HOUR_CAP"));
    }

    @Test
    void a_min_gap_longer_than_the_hour_cap_wins() {
      // given: an oddly long gap
      Instant oldest = NOW.minusSeconds(59 * 60);
      SendHistory history =
          new SendHistory(List.of(oldest, NOW.minusSeconds(1)), Optional.of(NOW.plusSeconds(600)));

      // when
      RateDecision decision = RateLimitPolicy.decide(history, limits(2, 1000), NOW);

      // then
      assertThat(decision).isEqualTo(waitUntil(NOW.plusSeconds(600), "MIN_GAP"));
    }
  }

  @Nested
  class AfterSend {

    @Test
    void appends_the_send_and_sets_not_before_to_now_plus_the_gap() {
      // given
      Instant earlier = NOW.minusSeconds(600);
      SendHistory history = sends(earlier);

      // when
      SendHistory after = RateLimitPolicy.afterSend(history, NOW, Duration.ofMillis(3500));

      // then
      assertThat(after.sends()).containsExactly(earlier, NOW);
      assertThat(after.notBefore()).contains(NOW.plusMillis(3500));
    }

    @Test
    void drops_sends_older_than_25_hours_and_keeps_the_rest_oldest_first() {
      // given
      Instant tooOld = NOW.minus(Duration.ofHours(25)).minusNanos(1);
      Instant oldestKept = NOW.minus(Duration.ofHours(25));
      Instant recent = NOW.minusSeconds(60);
      SendHistory history = sends(recent, tooOld, oldestKept);

      // when
      SendHistory after = RateLimitPolicy.afterSend(history, NOW, Duration.ofSeconds(3));

      // then
      assertThat(after.sends()).containsExactly(oldestKept, recent, NOW);
    }

    @Test
    void the_next_decision_honours_the_gap() {
      // given
      SendHistory after =
          RateLimitPolicy.afterSend(SendHistory.empty(), NOW, Duration.ofSeconds(3));

      // when / then
      assertThat(RateLimitPolicy.decide(after, limits(100, 1000), NOW.plusMillis(2999)))
          .isEqualTo(waitUntil(NOW.plusSeconds(3), "MIN_GAP"));
      assertThat(RateLimitPolicy.decide(after, limits(100, 1000), NOW.plusSeconds(3)))
          .isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void pruning_keeps_every_send_the_caps_look_at() {
      // given: a send every 10 minutes across a 25-hour day, caps just at and around the rate
      List<RateLimits> caps =
          List.of(
              new RateLimits(6, 100_000, Duration.ZERO, BERLIN),
              new RateLimits(1000, 144, Duration.ZERO, BERLIN),
              new RateLimits(1000, 150, Duration.ZERO, BERLIN));
      Instant start = at("2026-10-24T00:00:00+02:00");
      SendHistory pruned = SendHistory.empty();
      List<Instant> all = new ArrayList<>();

      for (int i = 0; i < 2 * 24 * 6; i++) {
        Instant now = start.plusSeconds(600L * i);
        // when
        pruned = RateLimitPolicy.afterSend(pruned, now, Duration.ZERO);
        all.add(now);
        SendHistory full = new SendHistory(all, pruned.notBefore());

        // then: lower caps decide alike on the pruned and the full history
        for (RateLimits tight : caps) {
          assertThat(RateLimitPolicy.decide(pruned, tight, now))
              .isEqualTo(RateLimitPolicy.decide(full, tight, now));
        }
      }
    }

    @Test
    void a_negative_gap_is_a_programming_error() {
      assertThatThrownBy(
              () -> RateLimitPolicy.afterSend(SendHistory.empty(), NOW, Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class JitteredGap {

    private final Duration minGap = Duration.ofSeconds(3);

    @Test
    void no_jitter_is_the_minimum_gap() {
      assertThat(RateLimitPolicy.jitteredGap(minGap, new FixedRandom(0.0))).isEqualTo(minGap);
    }

    @Test
    void half_way_adds_a_quarter() {
      assertThat(RateLimitPolicy.jitteredGap(minGap, new FixedRandom(0.5)))
          .isEqualTo(Duration.ofMillis(3750));
    }

    @Test
    void the_largest_draw_stays_below_one_and_a_half_times_the_gap() {
      // given
      RandomGenerator largest = new FixedRandom(Math.nextDown(1.0));

      // when
      Duration gap = RateLimitPolicy.jitteredGap(Duration.ofHours(1), largest);

      // then
      assertThat(gap).isLessThan(Duration.ofMinutes(90)).isGreaterThan(Duration.ofMinutes(89));
    }

    @Test
    void every_draw_of_a_seeded_generator_is_within_zero_to_fifty_percent_extra() {
      // given
      RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42L);
      Duration max = Duration.ofMillis(4500);

      // when / then
      for (int i = 0; i < 10_000; i++) {
        Duration gap = RateLimitPolicy.jitteredGap(minGap, random);
        assertThat(gap).isGreaterThanOrEqualTo(minGap).isLessThan(max);
      }
    }

    @Test
    void a_zero_gap_stays_zero() {
      assertThat(RateLimitPolicy.jitteredGap(Duration.ZERO, new FixedRandom(0.9)))
          .isEqualTo(Duration.ZERO);
    }
  }

  @Nested
  class QuietHoursWindow {

    private final Optional<QuietHours> overnight =
        Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    private final Optional<QuietHours> lunch =
        Optional.of(new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0)));

    private RateDecision quiet(Optional<QuietHours> window, ZoneId zone, String now) {
      return RateLimitPolicy.quietHours(window, zone, at(now));
    }

    @Test
    void no_quiet_hours_sends_now() {
      assertThat(quiet(Optional.empty(), KARACHI, "2026-11-10T03:00:00+05:00"))
          .isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void late_evening_in_a_window_across_midnight_waits_until_the_next_morning() {
      assertThat(quiet(overnight, KARACHI, "2026-11-10T23:00:00+05:00"))
          .isEqualTo(waitUntil(at("2026-11-11T07:00:00+05:00"), "QUIET_HOURS"));
    }

    @Test
    void early_morning_in_a_window_across_midnight_waits_until_the_same_morning() {
      assertThat(quiet(overnight, KARACHI, "2026-11-10T06:00:00+05:00"))
          .isEqualTo(waitUntil(at("2026-11-10T07:00:00+05:00"), "QUIET_HOURS"));
      assertThat(quiet(overnight, KARACHI, "2026-11-10T00:00:00+05:00"))
          .isEqualTo(waitUntil(at("2026-11-10T07:00:00+05:00"), "QUIET_HOURS"));
    }

    @Test
    void the_start_is_inside_and_the_end_is_outside() {
      assertThat(quiet(overnight, KARACHI, "2026-11-10T22:00:00+05:00"))
          .isEqualTo(waitUntil(at("2026-11-11T07:00:00+05:00"), "QUIET_HOURS"));
      assertThat(quiet(overnight, KARACHI, "2026-11-10T21:59:59+05:00"))
          .isEqualTo(new RateDecision.SendNow());
      assertThat(quiet(overnight, KARACHI, "2026-11-10T07:00:00+05:00"))
          .isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void a_window_within_one_day_waits_until_its_end_that_day() {
      assertThat(quiet(lunch, KARACHI, "2026-11-10T13:30:00+05:00"))
          .isEqualTo(waitUntil(at("2026-11-10T14:00:00+05:00"), "QUIET_HOURS"));
      assertThat(quiet(lunch, KARACHI, "2026-11-10T12:59:59+05:00"))
          .isEqualTo(new RateDecision.SendNow());
      assertThat(quiet(lunch, KARACHI, "2026-11-10T14:00:00+05:00"))
          .isEqualTo(new RateDecision.SendNow());
      assertThat(quiet(lunch, KARACHI, "2026-11-10T23:00:00+05:00"))
          .isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void the_window_is_read_in_the_account_zone_not_in_utc() {
      // given: 23:00 in Karachi is 18:00Z, outside 22:00–07:00 in UTC
      Instant now = at("2026-11-10T23:00:00+05:00");

      // when / then
      assertThat(RateLimitPolicy.quietHours(overnight, ZoneId.of("UTC"), now))
          .isEqualTo(new RateDecision.SendNow());
      assertThat(RateLimitPolicy.quietHours(overnight, KARACHI, now))
          .isInstanceOf(RateDecision.WaitUntil.class);
    }

    @Test
    void an_end_in_a_dst_gap_ends_the_window_when_the_gap_ends() {
      // given: Berlin jumps from 02:00 to 03:00 on 2026-03-29; 02:30 does not exist
      Optional<QuietHours> untilHalfPastTwo =
          Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30)));

      // when
      RateDecision decision = quiet(untilHalfPastTwo, BERLIN, "2026-03-29T01:30:00+01:00");

      // then: 03:00 local, which is outside the window
      Instant gapEnd = at("2026-03-29T03:00:00+02:00");
      assertThat(decision).isEqualTo(waitUntil(gapEnd, "QUIET_HOURS"));
      assertThat(RateLimitPolicy.quietHours(untilHalfPastTwo, BERLIN, gapEnd))
          .isEqualTo(new RateDecision.SendNow());
    }

    @Test
    void an_end_repeated_by_a_dst_overlap_is_its_next_occurrence() {
      // given: Berlin repeats 02:00–03:00 on 2026-10-25
      Optional<QuietHours> untilHalfPastTwo =
          Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30)));

      // when
      RateDecision firstPass = quiet(untilHalfPastTwo, BERLIN, "2026-10-25T01:30:00+02:00");
      RateDecision secondPass = quiet(untilHalfPastTwo, BERLIN, "2026-10-25T02:10:00+01:00");

      // then
      assertThat(firstPass).isEqualTo(waitUntil(at("2026-10-25T02:30:00+02:00"), "QUIET_HOURS"));
      assertThat(secondPass).isEqualTo(waitUntil(at("2026-10-25T02:30:00+01:00"), "QUIET_HOURS"));
    }
  }

  /** A generator whose every double draw is the same value. */
  private static final class FixedRandom implements RandomGenerator {
    private final double value;

    FixedRandom(double value) {
      this.value = value;
    }

    @Override
    public double nextDouble() {
      return value;
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException("only nextDouble is drawn");
    }
  }
}
