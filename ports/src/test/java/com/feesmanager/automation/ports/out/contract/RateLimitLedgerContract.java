package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateDecision.SendNow;
import com.feesmanager.automation.domain.delivery.RateDecision.WaitUntil;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every rate-limit ledger does (SPEC §4, §5): the minimum gap, the sliding 60-minute cap and
 * the cap per local calendar day, per WhatsApp session, with the domain's {@code RateLimitPolicy}
 * semantics; a wait records nothing. A {@code WaitUntil(t)} means the send may go at {@code t}
 * itself when nothing else changed: the oldest send of a full hour leaves the window exactly 60
 * minutes after it, and a day cap ends at the next local midnight. A refunded slot (the send never
 * reached the gateway) counts for nothing (SPEC §5).
 */
public abstract class RateLimitLedgerContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
  private static final Duration MIN_GAP = Duration.ofSeconds(3);

  /** The caller's jittered gap, longer than the minimum: the ledger must honour this one. */
  private static final Duration GAP = Duration.ofSeconds(4);

  /** An adapter; tests use unique session names, so it may share its store with other tests. */
  protected abstract RateLimitLedger newLedger();

  private RateLimitLedger ledger;
  private String session;

  @BeforeEach
  void newLedgerAndSession() {
    ledger = newLedger();
    session = Unique.name("session");
  }

  private static RateLimits limits(int maxPerHour, int maxPerDay) {
    return new RateLimits(maxPerHour, maxPerDay, MIN_GAP, KARACHI);
  }

  private RateDecision reserve(RateLimits limits, Instant at) {
    return ledger.reserve(session, limits, GAP, at);
  }

  @Test
  void aFirstSendGoes_theNextWaitsForTheCallersGap_thenGoes() {
    // given
    RateLimits limits = limits(100, 1000);

    // when
    RateDecision first = reserve(limits, T0);
    RateDecision tooSoon = reserve(limits, T0.plusMillis(3500));
    RateDecision afterGap = reserve(limits, T0.plus(GAP));

    // then
    assertThat(first).isEqualTo(new SendNow());
    assertThat(tooSoon).isEqualTo(new WaitUntil(T0.plus(GAP), "MIN_GAP"));
    assertThat(afterGap).isEqualTo(new SendNow());
  }

  @Test
  void theHourCap_allowsExactlyMaxPerHourSends_thenWaitsUntilTheOldestIsAnHourOld() {
    // given three sends a minute apart under a cap of three an hour
    RateLimits limits = limits(3, 1000);
    for (int i = 0; i < 3; i++) {
      assertThat(reserve(limits, T0.plus(Duration.ofMinutes(i)))).isEqualTo(new SendNow());
    }

    // when
    RateDecision fourth = reserve(limits, T0.plus(Duration.ofMinutes(3)));
    RateDecision anHourAfterTheOldest = reserve(limits, T0.plus(Duration.ofMinutes(60)));
    RateDecision rightAfter = reserve(limits, T0.plus(Duration.ofMinutes(60)).plus(GAP));

    // then the window slides: the second send is still inside it
    assertThat(fourth).isEqualTo(new WaitUntil(T0.plus(Duration.ofMinutes(60)), "HOUR_CAP"));
    assertThat(anHourAfterTheOldest).isEqualTo(new SendNow());
    assertThat(rightAfter).isEqualTo(new WaitUntil(T0.plus(Duration.ofMinutes(61)), "HOUR_CAP"));
  }

  @Test
  void theDayCap_waitsUntilLocalMidnight() {
    // given two sends in the local evening (20:00 and 20:10 in Karachi) under a cap of two a day
    RateLimits limits = limits(100, 2);
    Instant evening = Instant.parse("2026-11-10T15:00:00Z");
    reserve(limits, evening);
    reserve(limits, evening.plus(Duration.ofMinutes(10)));
    Instant localMidnight = Instant.parse("2026-11-10T19:00:00Z");

    // when
    RateDecision third = reserve(limits, evening.plus(Duration.ofMinutes(20)));
    RateDecision atMidnight = reserve(limits, localMidnight);

    // then
    assertThat(third).isEqualTo(new WaitUntil(localMidnight, "DAY_CAP"));
    assertThat(atMidnight).isEqualTo(new SendNow());
  }

  @Test
  void sessions_areIndependent() {
    // given
    RateLimits limits = limits(1, 1);
    reserve(limits, T0);

    // when
    RateDecision sameSession = reserve(limits, T0.plus(Duration.ofMinutes(1)));
    RateDecision otherSession =
        ledger.reserve(Unique.name("session"), limits, GAP, T0.plus(Duration.ofMinutes(1)));

    // then
    assertThat(sameSession).isInstanceOf(WaitUntil.class);
    assertThat(otherSession).isEqualTo(new SendNow());
  }

  @Test
  void aWait_recordsNoSend() {
    // given a cap of two an hour, one send, and many refused tries in between
    RateLimits limits = limits(2, 1000);
    reserve(limits, T0);
    for (int i = 1; i <= 3; i++) {
      assertThat(reserve(limits, T0.plusSeconds(i))).isInstanceOf(WaitUntil.class);
    }

    // when
    RateDecision afterGap = reserve(limits, T0.plus(GAP));
    RateDecision third = reserve(limits, T0.plus(Duration.ofMinutes(1)));

    // then only the two real sends count towards the hour
    assertThat(afterGap).isEqualTo(new SendNow());
    assertThat(third).isEqualTo(new WaitUntil(T0.plus(Duration.ofMinutes(60)), "HOUR_CAP"));
  }

  @Test
  void aRefundedSlot_countsForNothing_andItsGapIsLifted() {
    // given a cap of one an hour and one reservation that never reached the gateway
    RateLimits limits = limits(1, 1000);
    assertThat(reserve(limits, T0)).isEqualTo(new SendNow());

    // when
    ledger.refund(session, T0);
    RateDecision rightAfter = reserve(limits, T0.plusMillis(1));

    // then neither the hour cap nor the minimum gap holds the next send back
    assertThat(rightAfter).isEqualTo(new SendNow());
  }

  @Test
  void aMultiHourOutage_ofReservedAndRefundedSlots_leavesTheFullHourlyAndDailyCaps() {
    // given a session down for four hours, a held attempt every ten minutes (reserve + refund)
    RateLimits limits = limits(3, 5);
    Instant back = T0.plus(Duration.ofHours(4));
    for (Instant at = T0; at.isBefore(back); at = at.plus(Duration.ofMinutes(10))) {
      assertThat(reserve(limits, at)).as("held attempt at %s", at).isEqualTo(new SendNow());
      ledger.refund(session, at);
    }

    // when the session is back: sends a minute apart, then an hour later
    RateDecision[] firstHour = new RateDecision[4];
    for (int i = 0; i < 4; i++) {
      firstHour[i] = reserve(limits, back.plus(Duration.ofMinutes(i)));
    }
    Instant anHourLater = back.plus(Duration.ofMinutes(60));
    RateDecision fourth = reserve(limits, anHourLater);
    RateDecision fifth = reserve(limits, anHourLater.plus(Duration.ofMinutes(1)));
    RateDecision sixth = reserve(limits, anHourLater.plus(Duration.ofMinutes(2)));

    // then the full hourly cap (3), then the rest of the daily cap (5), then the day is spent
    assertThat(firstHour)
        .containsExactly(
            new SendNow(),
            new SendNow(),
            new SendNow(),
            new WaitUntil(back.plus(Duration.ofMinutes(60)), "HOUR_CAP"));
    assertThat(fourth).isEqualTo(new SendNow());
    assertThat(fifth).isEqualTo(new SendNow());
    assertThat(sixth).isEqualTo(new WaitUntil(Instant.parse("2026-11-10T19:00:00Z"), "DAY_CAP"));
  }

  @Test
  void refundingASlotThatIsNotThere_changesNothing() {
    // given one send under a cap of one an hour
    RateLimits limits = limits(1, 1000);
    reserve(limits, T0);

    // when slots that were never reserved are given back, on this session and an unknown one
    ledger.refund(session, T0.plusMillis(1500));
    ledger.refund(session, T0.minus(Duration.ofMinutes(1)));
    ledger.refund(Unique.name("session"), T0);
    RateDecision tooSoon = reserve(limits, T0.plusSeconds(1));
    RateDecision withinTheHour = reserve(limits, T0.plus(Duration.ofMinutes(1)));

    // then the real send still holds the gap and the hour
    assertThat(tooSoon).isEqualTo(new WaitUntil(T0.plus(Duration.ofMinutes(60)), "HOUR_CAP"));
    assertThat(withinTheHour).isEqualTo(new WaitUntil(T0.plus(Duration.ofMinutes(60)), "HOUR_CAP"));
  }

  @Test
  void aSlotGivenBackTwice_isGivenBackOnce() {
    // given two sends under a cap of two an hour
    RateLimits limits = limits(2, 1000);
    reserve(limits, T0);
    reserve(limits, T0.plus(GAP));

    // when the first is given back twice
    ledger.refund(session, T0);
    ledger.refund(session, T0);
    RateDecision third = reserve(limits, T0.plus(Duration.ofMinutes(1)));
    RateDecision fourth = reserve(limits, T0.plus(Duration.ofMinutes(2)));

    // then one slot came back, not two
    assertThat(third).isEqualTo(new SendNow());
    assertThat(fourth)
        .isEqualTo(new WaitUntil(T0.plus(GAP).plus(Duration.ofMinutes(60)), "HOUR_CAP"));
  }

  @Test
  void refundingAnEarlierSlot_keepsTheGapOfALaterSend() {
    // given two sends a gap apart
    RateLimits limits = limits(100, 1000);
    reserve(limits, T0);
    reserve(limits, T0.plus(GAP));

    // when the earlier one is given back
    ledger.refund(session, T0);
    RateDecision tooSoon = reserve(limits, T0.plus(GAP).plusSeconds(1));

    // then the later send still spaces the next one
    assertThat(tooSoon).isEqualTo(new WaitUntil(T0.plus(GAP).plus(GAP), "MIN_GAP"));
  }
}
