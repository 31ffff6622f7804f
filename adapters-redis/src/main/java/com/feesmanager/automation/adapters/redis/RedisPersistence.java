package com.feesmanager.automation.adapters.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How Redis keeps its data, as {@code CONFIG GET} reports {@code appendonly}, {@code save} and
 * {@code maxmemory-policy}; a setting is empty when it cannot be read (managed Redis often disables
 * or renames CONFIG). The queue, the dedupe marks and the rate-limit history live only here, so a
 * Redis that forgets them on restart, or evicts them when full, sends reminders twice or drops
 * them.
 */
public record RedisPersistence(
    Optional<String> appendOnly, Optional<String> save, Optional<String> maxmemoryPolicy) {

  /** Heartbeat problem code: Redis keeps no append-only file. */
  public static final String NOT_PERSISTENT = "REDIS_NOT_PERSISTENT";

  /** Heartbeat problem code: Redis evicts keys when full. */
  public static final String EVICTING = "REDIS_EVICTING";

  /** Nothing could be read. */
  public static final RedisPersistence UNKNOWN =
      new RedisPersistence(Optional.empty(), Optional.empty(), Optional.empty());

  public RedisPersistence {
    Objects.requireNonNull(appendOnly, "'appendOnly' must not be null");
    Objects.requireNonNull(save, "'save' must not be null");
    Objects.requireNonNull(maxmemoryPolicy, "'maxmemoryPolicy' must not be null");
  }

  /** One setting that puts the data at risk: its problem code and a line saying how to fix it. */
  public record Warning(String code, String message) {

    public Warning {
      Objects.requireNonNull(code, "'code' must not be null");
      Objects.requireNonNull(message, "'message' must not be null");
    }
  }

  /** True when none of the settings could be read. */
  public boolean unknown() {
    return appendOnly.isEmpty() && maxmemoryPolicy.isEmpty();
  }

  /** What is wrong, in the order an operator should fix it; empty when all is well or unknown. */
  public List<Warning> warnings() {
    List<Warning> warnings = new ArrayList<>(2);
    appendOnly
        .filter(value -> !value.trim().equalsIgnoreCase("yes"))
        .ifPresent(value -> warnings.add(new Warning(NOT_PERSISTENT, notPersistent())));
    maxmemoryPolicy
        .map(value -> value.trim().toLowerCase(Locale.ROOT))
        .filter(policy -> !policy.equals("noeviction"))
        .ifPresent(policy -> warnings.add(new Warning(EVICTING, evicting(policy))));
    return List.copyOf(warnings);
  }

  private String notPersistent() {
    String snapshots = save.map(String::trim).orElse("");
    String risk =
        snapshots.isEmpty()
            ? "with save \"\" too, a Redis restart loses every queued message, dedupe mark and"
                + " sent-count"
            : "only snapshots (save \""
                + snapshots
                + "\"): a crash loses every write since the last";
    return "Redis has appendonly no: "
        + risk
        + ", so reminders can be sent twice or lost. Fix: redis-cli CONFIG SET appendonly yes,"
        + " then CONFIG REWRITE (or start redis-server with --appendonly yes)";
  }

  private static String evicting(String policy) {
    return "Redis has maxmemory-policy "
        + policy
        + ": when full it deletes keys (queued messages, dedupe marks, rate-limit history), so"
        + " reminders can be sent twice or lost. Fix: redis-cli CONFIG SET maxmemory-policy"
        + " noeviction, then CONFIG REWRITE (or start redis-server with --maxmemory-policy"
        + " noeviction)";
  }
}
