package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.OperatorHolds;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Operator holds in Redis: one key per account (hash tag {@code {uid}}) holding the instant the
 * hold began, set only when absent; it never expires, so a hold lasts until an operator releases
 * it, across restarts of every daemon and {@code tick}.
 */
public final class RedisOperatorHolds implements OperatorHolds {

  private final RedisCalls redis;
  private final Keys keys;

  RedisOperatorHolds(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public void hold(String uid, Instant since) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(since, "'since' must not be null");
    redis.setnx(keys.hold(uid), Long.toString(since.toEpochMilli()));
  }

  @Override
  public void release(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    redis.del(keys.hold(uid));
  }

  @Override
  public Optional<Instant> heldSince(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Optional<String> millis = redis.get(keys.hold(uid));
    if (millis.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis.get())));
    } catch (NumberFormatException e) {
      // written by hand or by another tool: still a hold, counted from the epoch
      return Optional.of(Instant.EPOCH);
    }
  }
}
