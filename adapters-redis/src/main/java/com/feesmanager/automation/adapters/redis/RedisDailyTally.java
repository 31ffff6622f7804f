package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.Heartbeat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Each account's daily counts in one Redis hash per account and local day (hash tag {@code {uid}}),
 * shared by every instance and kept two days, long enough for any zone's "today".
 */
public final class RedisDailyTally implements DailyTally {

  static final Duration KEEP = Duration.ofDays(2);

  private final RedisCalls redis;
  private final Keys keys;

  RedisDailyTally(RedisCalls redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public void count(String uid, LocalDate day, Outcome outcome) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(day, "'day' must not be null");
    Objects.requireNonNull(outcome, "'outcome' must not be null");
    redis.integer(
        Script.TALLY_COUNT,
        new String[] {keys.tally(uid, day)},
        field(outcome),
        Long.toString(KEEP.toSeconds()));
  }

  @Override
  public Heartbeat.DayCounts counts(String uid, LocalDate day) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(day, "'day' must not be null");
    Map<String, String> values = redis.hmget(keys.tally(uid, day), "sent", "failed", "skipped");
    return new Heartbeat.DayCounts(
        Long.parseLong(values.getOrDefault("sent", "0")),
        Long.parseLong(values.getOrDefault("failed", "0")),
        Long.parseLong(values.getOrDefault("skipped", "0")));
  }

  private static String field(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}
