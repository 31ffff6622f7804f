package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OccurrenceClaims.ClaimOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every occurrence-claims store does (SPEC §2): an occurrence fires at most once, a dead
 * holder's lease expires, and completion is final.
 */
public abstract class OccurrenceClaimsContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  /** An adapter; tests use unique account uids, so it may share its store with other tests. */
  protected abstract OccurrenceClaims newClaims();

  private OccurrenceClaims claims;
  private String uid;
  private String ruleId;
  private Occurrence occurrence;

  @BeforeEach
  void newClaimsAndAccount() {
    claims = newClaims();
    uid = Unique.name("academy");
    ruleId = Unique.name("rule");
    occurrence = new Occurrence(ruleId, LocalDateTime.parse("2026-11-10T10:00"), T0);
  }

  @Test
  void theFirstCaller_claimsTheOccurrence() {
    // when
    ClaimOutcome outcome = claims.tryClaim(uid, occurrence, T0, LEASE);

    // then
    assertThat(outcome).isEqualTo(ClaimOutcome.CLAIMED);
  }

  @Test
  void aSecondCaller_whileTheLeaseIsLive_findsItInProgress() {
    // given
    claims.tryClaim(uid, occurrence, T0, LEASE);

    // when
    ClaimOutcome soon = claims.tryClaim(uid, occurrence, T0.plusSeconds(1), LEASE);
    ClaimOutcome late = claims.tryClaim(uid, occurrence, T0.plus(LEASE).minusSeconds(1), LEASE);

    // then
    assertThat(soon).isEqualTo(ClaimOutcome.IN_PROGRESS);
    assertThat(late).isEqualTo(ClaimOutcome.IN_PROGRESS);
  }

  @Test
  void afterTheLeaseExpires_becauseItsHolderDied_theOccurrenceCanBeClaimedAgain() {
    // given
    claims.tryClaim(uid, occurrence, T0, LEASE);
    Instant afterLease = T0.plus(LEASE).plusSeconds(1);

    // when
    ClaimOutcome retaken = claims.tryClaim(uid, occurrence, afterLease, LEASE);
    ClaimOutcome third = claims.tryClaim(uid, occurrence, afterLease.plusSeconds(1), LEASE);

    // then the new holder's lease is live in turn
    assertThat(retaken).isEqualTo(ClaimOutcome.CLAIMED);
    assertThat(third).isEqualTo(ClaimOutcome.IN_PROGRESS);
  }

  @Test
  void afterComplete_theOccurrenceIsDone_forGood() {
    // given
    claims.tryClaim(uid, occurrence, T0, LEASE);

    // when
    claims.complete(uid, occurrence, T0.plusSeconds(20));

    // then
    assertThat(claims.tryClaim(uid, occurrence, T0.plusSeconds(21), LEASE))
        .isEqualTo(ClaimOutcome.DONE);
    assertThat(claims.tryClaim(uid, occurrence, T0.plus(Duration.ofDays(3)), LEASE))
        .isEqualTo(ClaimOutcome.DONE);
  }

  @Test
  void differentAccountsRulesAndOccurrences_areIndependent() {
    // given
    claims.tryClaim(uid, occurrence, T0, LEASE);
    claims.complete(uid, occurrence, T0.plusSeconds(1));
    Occurrence nextDay =
        new Occurrence(ruleId, occurrence.scheduledFor().plusDays(1), T0.plus(Duration.ofDays(1)));
    Occurrence otherRule =
        new Occurrence(Unique.name("rule"), occurrence.scheduledFor(), occurrence.firesAt());

    // when
    ClaimOutcome otherAccount =
        claims.tryClaim(Unique.name("academy"), occurrence, T0.plusSeconds(2), LEASE);
    ClaimOutcome otherDay = claims.tryClaim(uid, nextDay, T0.plusSeconds(2), LEASE);
    ClaimOutcome otherRuleSameTime = claims.tryClaim(uid, otherRule, T0.plusSeconds(2), LEASE);

    // then
    assertThat(otherAccount).isEqualTo(ClaimOutcome.CLAIMED);
    assertThat(otherDay).isEqualTo(ClaimOutcome.CLAIMED);
    assertThat(otherRuleSameTime).isEqualTo(ClaimOutcome.CLAIMED);
  }

  @Test
  void anOccurrenceIsIdentifiedByRuleAndLocalDateTime_soTheRepeatedDstHourNeverFiresItTwice() {
    // given the same local 01:30 reached again an hour later on a fall-back night
    Occurrence first = new Occurrence(ruleId, LocalDateTime.parse("2026-11-01T01:30"), T0);
    Occurrence repeated =
        new Occurrence(ruleId, LocalDateTime.parse("2026-11-01T01:30"), T0.plusSeconds(3600));
    claims.tryClaim(uid, first, T0, LEASE);

    // when
    ClaimOutcome whileLive = claims.tryClaim(uid, repeated, T0.plusSeconds(60), LEASE);
    claims.complete(uid, first, T0.plusSeconds(120));
    ClaimOutcome afterDone = claims.tryClaim(uid, repeated, T0.plusSeconds(3600), LEASE);

    // then
    assertThat(whileLive).isEqualTo(ClaimOutcome.IN_PROGRESS);
    assertThat(afterDone).isEqualTo(ClaimOutcome.DONE);
  }
}
