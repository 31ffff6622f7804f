package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.AlertGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The alert gate in Redis: one key per account and event holding the instant of the last pass,
 * checked and set by one script, so every daemon and {@code tick} on this Redis shares the window.
 */
public final class RedisAlertGate implements AlertGate {

  /** Keys outlive their window by this much; only the stored instant decides. */
  static final Duration KEY_SLACK = Duration.ofMinutes(1);

  private final RedisCalls redis;
  private final Keys keys;

  RedisAlertGate(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public boolean tryPass(String event, String account, Duration window, Instant now) {
    Objects.requireNonNull(event, "'event' must not be null");
    Objects.requireNonNull(account, "'account' must not be null");
    Objects.requireNonNull(window, "'window' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    if (window.isNegative()) {
      throw new IllegalArgumentException("'window' must not be negative: " + window);
    }
    long windowMillis = Millis.ceil(window);
    return redis.integer(
            Script.ALERT_GATE,
            new String[] {keys.alert(account, event)},
            Millis.of(now),
            Long.toString(windowMillis),
            Long.toString(windowMillis + KEY_SLACK.toMillis()))
        == 1L;
  }
}
