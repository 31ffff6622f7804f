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
 * minutes after it, and a day cap ends at the next local midnight.
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
}
