package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Occurrence claims in Redis, one key per (account, rule, local date-time) tagged by the account: a
 * lease while firing, then a done mark that outlives any misfire grace.
 */
public final class RedisOccurrenceClaims implements OccurrenceClaims {

  /**
   * How long a done mark is kept: as long as its occurrence can still be a rule's latest one, or
   * the next check would find it again as MISSED. A MONTHLY rule's occurrences are up to 31 days
   * apart, plus the largest misfire grace (AUTOMATION_MISFIRE_GRACE is at most P1D), plus a day of
   * slack (DST, clocks). The run record in Firestore is the durable answer; this mark saves a read.
   */
  static final Duration DONE_KEPT = Duration.ofDays(31 + 1 + 1);

  private static final long SLACK_MILLIS = Duration.ofMinutes(1).toMillis();

  private final RedisCalls redis;
  private final Keys keys;

  RedisOccurrenceClaims(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public ClaimOutcome tryClaim(String uid, Occurrence occurrence, Instant now, Duration lease) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(lease, "'lease' must not be null");
    long leaseMillis = Millis.ceil(lease);
    String outcome =
        redis.text(
            Script.OCCURRENCE_CLAIM,
            new String[] {keys.occurrence(uid, occurrence)},
            Millis.of(now),
            Long.toString(leaseMillis),
            Long.toString(leaseMillis + SLACK_MILLIS));
    return ClaimOutcome.valueOf(outcome);
  }

  @Override
  public void complete(String uid, Occurrence occurrence, Instant now) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    redis.integer(
        Script.OCCURRENCE_COMPLETE,
        new String[] {keys.occurrence(uid, occurrence)},
        Millis.of(now),
        Long.toString(DONE_KEPT.toMillis()));
  }
}
