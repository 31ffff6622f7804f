package com.feesmanager.automation.runner.lambda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * When a one-shot tick runs and for how long it may deliver: the instant to fire for (default now)
 * and the time budget, already cut to what the platform leaves.
 */
record TickRequest(Optional<Instant> at, Duration budget) {

  /** Default budget, as the {@code tick} command's {@code --max-seconds}. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(50);

  /** Left for closing the clients and answering before the platform's deadline. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  TickRequest {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("the time budget must not be negative");
    }
  }

  /**
   * Reads {@code at} (ISO instant or offset date-time) and {@code maxSeconds} from an invocation's
   * input, then cuts the budget to {@code remaining} minus {@link #MARGIN}.
   */
  static TickRequest from(Map<String, Object> input, Optional<Duration> remaining) {
    Optional<Instant> at = Optional.ofNullable(input.get("at")).map(v -> instant(v.toString()));
    Duration budget =
        Optional.ofNullable(input.get("maxSeconds"))
            .map(v -> Duration.ofSeconds(seconds(v)))
            .orElse(DEFAULT_BUDGET);
    return new TickRequest(at, cut(budget, remaining));
  }

  static Duration cut(Duration budget, Optional<Duration> remaining) {
    if (remaining.isEmpty()) {
      return budget;
    }
    Duration left = remaining.get().minus(MARGIN);
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(budget) < 0 ? left : budget;
  }

  /** A clock that reads {@code at} now and runs on from there (real time when no {@code at}). */
  Clock clock() {
    Clock system = Clock.systemUTC();
    return at.map(a -> Clock.offset(system, Duration.between(system.instant(), a))).orElse(system);
  }

  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException("at: not an ISO-8601 date-time: " + text, again);
      }
    }
  }

  static long seconds(Object value) {
    long seconds;
    if (value instanceof Number n) {
      seconds = n.longValue();
    } else {
      try {
        seconds = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("maxSeconds: not a whole number: " + value, e);
      }
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("maxSeconds must not be negative");
    }
    return seconds;
  }
}
