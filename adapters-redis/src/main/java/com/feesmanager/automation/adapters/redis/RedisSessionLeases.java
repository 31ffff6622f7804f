package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Session delivery leases in Redis: one owner per session across every instance until expiry. */
public final class RedisSessionLeases implements SessionLeases {

  /** Redis forgets a lease this long after it ran out; the caller's clock decides before that. */
  private static final long SLACK_MILLIS = Duration.ofMinutes(1).toMillis();

  private final RedisCalls redis;
  private final Keys keys;

  RedisSessionLeases(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public boolean acquire(String session, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(ttl, "'ttl' must not be null");
    long ttlMillis = Millis.ceil(ttl);
    return redis.integer(
            Script.LEASE_ACQUIRE,
            new String[] {keys.lease(session)},
            owner,
            Millis.of(now),
            Long.toString(ttlMillis),
            Long.toString(ttlMillis + SLACK_MILLIS))
        == 1;
  }

  @Override
  public Optional<String> lastHolder(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    return Optional.ofNullable(
        redis.text(Script.LEASE_LAST_HOLDER, new String[] {keys.lease(session)}));
  }

  @Override
  public boolean takeOver(String session, String former, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(former, "'former' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(ttl, "'ttl' must not be null");
    long ttlMillis = Millis.ceil(ttl);
    return redis.integer(
            Script.LEASE_TAKE_OVER,
            new String[] {keys.lease(session)},
            former,
            owner,
            Millis.of(now),
            Long.toString(ttlMillis),
            Long.toString(ttlMillis + SLACK_MILLIS))
        == 1;
  }

  @Override
  public void release(String session, String owner) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    redis.integer(Script.LEASE_RELEASE, new String[] {keys.lease(session)}, owner);
  }
}
