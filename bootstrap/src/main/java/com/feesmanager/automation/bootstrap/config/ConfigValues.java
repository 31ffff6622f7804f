package com.feesmanager.automation.bootstrap.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The merged variables of one load and the problems found so far: each read collects its problem
 * instead of stopping at the first, and no message repeats more of a value than it may.
 */
final class ConfigValues {

  /** How much of a bad value a message may repeat. */
  enum Shown {
    VALUE,
    WITHOUT_CREDENTIALS,
    NEVER
  }

  private final Map<String, String> values;
  private final List<ConfigProblem> problems;

  ConfigValues(Map<String, String> values, List<ConfigProblem> problems) {
    this.values = values;
    this.problems = problems;
  }

  /** The value of {@code name} parsed by {@code parse}, or empty when unset or invalid. */
  <T> Optional<T> optional(String name, Function<String, T> parse, Shown shown) {
    Optional<String> raw = raw(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(raw.get()));
    } catch (IllegalArgumentException e) {
      problem(
          name,
          shown == Shown.NEVER
              ? e.getMessage()
              : e.getMessage() + ", got \"" + shown(name, shown) + "\"");
      return Optional.empty();
    }
  }

  /** A duration at least {@code min} (not negative when {@code min} is null). */
  Duration duration(String name, Duration fallback, Duration min) {
    Optional<Duration> parsed = optional(name, ValueParsers::duration, Shown.VALUE);
    if (parsed.isEmpty()) {
      return fallback;
    }
    Duration value = parsed.get();
    String got = ", got \"" + shown(name) + "\"";
    if (value.isNegative()) {
      problem(name, "must not be negative" + got);
      return fallback;
    }
    if (min != null && value.compareTo(min) < 0) {
      problem(
          name,
          (min.equals(Duration.ofMillis(1))
                  ? "must be longer than zero"
                  : "must be at least " + min)
              + got);
      return fallback;
    }
    return value;
  }

  int wholeNumber(String name, int fallback, int min, int max) {
    String expected =
        max == Integer.MAX_VALUE
            ? "must be a whole number ≥ " + min
            : "must be a whole number from " + min + " to " + max;
    return optional(
            name,
            text -> {
              if (!ValueParsers.DIGITS.matcher(text).matches() || text.length() > 10) {
                throw new IllegalArgumentException(expected);
              }
              long value = Long.parseLong(text);
              if (value < min || value > max) {
                throw new IllegalArgumentException(expected);
              }
              return (int) value;
            },
            Shown.VALUE)
        .orElse(fallback);
  }

  /** The trimmed value, empty when unset or blank. */
  Optional<String> raw(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  boolean isSet(String name) {
    return raw(name).isPresent();
  }

  /** Set and free of problems of its own (a cross-check on a bad value would only repeat it). */
  boolean isValid(String name) {
    return problems.stream().noneMatch(p -> p.subject().equals(name));
  }

  String shown(String name) {
    return shown(name, Shown.VALUE);
  }

  private String shown(String name, Shown shown) {
    String value = raw(name).orElse("");
    if (shown == Shown.WITHOUT_CREDENTIALS) {
      value = Urls.withoutCredentials(value);
    }
    return ValueParsers.printable(value);
  }

  void problem(String subject, String message) {
    problems.add(new ConfigProblem(subject, message));
  }
}
