package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimitPolicy;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The send history of each session in Redis, decided and recorded by one script with the domain's
 * {@link RateLimitPolicy} semantics, so every worker of every instance shares the caps exactly; a
 * send that never reached the gateway is given back by another.
 */
public final class RedisRateLimitLedger implements RateLimitLedger {

  /** Ledger keys outlive their last send by a day (plus the longest local day), then vanish. */
  static final Duration KEY_TTL = Duration.ofHours(26);

  private static final String KEEP = Long.toString(RateLimitPolicy.RETENTION.toMillis());
  private static final String TTL = Long.toString(KEY_TTL.toMillis());

  private final RedisCalls redis;
  private final Keys keys;

  RedisRateLimitLedger(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public RateDecision reserve(String session, RateLimits limits, Duration gap, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(gap, "'gap' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    if (gap.isNegative()) {
      throw new IllegalArgumentException("'gap' must not be negative: " + gap);
    }
    // The local day is a java.time question (zones, DST): Java answers it, the script counts.
    LocalDate today = now.atZone(limits.zone()).toLocalDate();
    Instant dayStart = today.atStartOfDay(limits.zone()).toInstant();
    Instant nextDayStart = today.plusDays(1).atStartOfDay(limits.zone()).toInstant();
    List<Object> answer =
        redis.multi(
            Script.RATE_RESERVE,
            keys.rateLimit(session),
            Millis.of(now),
            Integer.toString(limits.maxPerHour()),
            Integer.toString(limits.maxPerDay()),
            Millis.of(dayStart),
            Millis.of(nextDayStart),
            Long.toString(Millis.ceil(gap)),
            KEEP,
            TTL);
    if (((Long) answer.get(0)) == 1L) {
      return new RateDecision.SendNow();
    }
    return new RateDecision.WaitUntil(Millis.instant(answer.get(1)), (String) answer.get(2));
  }

  @Override
  public void refund(String session, Instant reservedAt) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(reservedAt, "'reservedAt' must not be null");
    redis.integer(Script.RATE_REFUND, keys.rateLimit(session), Millis.of(reservedAt));
  }
}
