package com.feesmanager.automation.domain.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed reads from one map of a document (the root or a nested map), each value checked against the
 * type SPEC §1 gives it. A value of the wrong type or form becomes an {@link Issue} naming its
 * dotted field ({@code automation.maxPerHour}, {@code fees[2].dueDate}) and reads as absent, so a
 * mapper sees every problem of a document at once. A {@code null} value reads as absent, as a
 * Firestore null or a JSON null means "not set".
 */
final class DocumentFields {

  /** One field that could not be read, and why. */
  record Issue(String field, String reason) {}

  /** Turns the text of a field into a value; throws on a text of the wrong form. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text);
  }

  private final Map<?, ?> values;
  private final String prefix;
  private final List<Issue> issues;

  private DocumentFields(Map<?, ?> values, String prefix, List<Issue> issues) {
    this.values = values;
    this.prefix = prefix;
    this.issues = issues;
  }

  /** The fields of a whole document. */
  static DocumentFields of(Map<String, Object> document) {
    Objects.requireNonNull(document, "'doc' must not be null");
    return new DocumentFields(document, "", new ArrayList<>());
  }

  /** Every issue found so far in the document, this map's and its nested maps'. */
  List<Issue> issues() {
    return List.copyOf(issues);
  }

  /** The dotted name of {@code key} in this map, for problems. */
  String field(String key) {
    return prefix + key;
  }

  /** Records a problem with {@code key} in this map. */
  void problem(String key, String reason) {
    issues.add(new Issue(field(key), reason));
  }

  /** Records a problem with this nested map as a whole ({@code automation.quietHours}). */
  void problemWithMap(String reason) {
    issues.add(new Issue(prefix.substring(0, Math.max(prefix.length() - 1, 0)), reason));
  }

  /** Whether {@code key} holds a value (not absent, not null). */
  boolean has(String key) {
    return values.get(key) != null;
  }

  /** The nested map at {@code key}, or empty fields when it is absent or not a map. */
  Optional<DocumentFields> map(String key) {
    return asMap(values.get(key), field(key));
  }

  /** The nested map at {@code key}; empty fields (everything absent) when there is none. */
  DocumentFields child(String key) {
    return map(key).orElseGet(() -> new DocumentFields(Map.of(), field(key) + ".", issues));
  }

  Optional<String> string(String key) {
    return asString(values.get(key), field(key));
  }

  /** A string where blank means absent (as a cleared form field does). */
  Optional<String> text(String key) {
    return string(key).filter(text -> !text.isBlank());
  }

  /** Whether {@code key} is absent, null or a blank string; records nothing. */
  boolean isBlankOrAbsent(String key) {
    Object value = values.get(key);
    return value == null || (value instanceof String text && text.isBlank());
  }

  /**
   * A string where blank means absent, or a whole number ≥ 0 read as its digits (a phone number
   * written as a JSON number: {@code 923001234567} is {@code "923001234567"}).
   */
  Optional<String> textOrDigits(String key) {
    Object value = values.get(key);
    if (!(value instanceof Number number)) {
      return text(key);
    }
    Optional<BigDecimal> digits =
        toDecimal(number).filter(n -> n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0);
    if (digits.isEmpty()) {
      problem(key, "must be a string or a whole number ≥ 0, found " + value);
      return Optional.empty();
    }
    return Optional.of(digits.get().toBigIntegerExact().toString());
  }

  /** A string that must be present and not blank. */
  Optional<String> requiredText(String key) {
    if (!has(key)) {
      problem(key, "is required");
      return Optional.empty();
    }
    Optional<String> text = string(key);
    if (text.isPresent() && text.get().isBlank()) {
      problem(key, "must not be blank");
      return Optional.empty();
    }
    return text;
  }

  Optional<Boolean> bool(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean bool) {
      return Optional.of(bool);
    }
    wrongType(field(key), "must be true or false", value);
    return Optional.empty();
  }

  /** A whole number in int range: 3, 3L and 3.0 are 3; 1.5 is a problem. */
  Optional<Integer> integer(String key) {
    Object value = values.get(key);
    String field = field(key);
    return decimal(key)
        .flatMap(
            number -> {
              if (number.stripTrailingZeros().scale() > 0) {
                issues.add(new Issue(field, "must be a whole number, found " + value));
                return Optional.empty();
              }
              try {
                return Optional.of(number.intValueExact());
              } catch (ArithmeticException tooLarge) {
                issues.add(new Issue(field, "is out of range, found " + value));
                return Optional.empty();
              }
            });
  }

  /** Any finite number, exactly as written (a double by its shortest decimal form). */
  Optional<BigDecimal> decimal(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number)) {
      wrongType(field(key), "must be a number", value);
      return Optional.empty();
    }
    Optional<BigDecimal> decimal = toDecimal(number);
    if (decimal.isEmpty()) {
      problem(key, "must be a finite number, found " + value);
    }
    return decimal;
  }

  /** A timestamp: an {@link Instant}, or an ISO-8601 date-time string with an offset or Z. */
  Optional<Instant> instant(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (value instanceof String text) {
      return parse(
          text,
          field(key),
          s -> OffsetDateTime.parse(s).toInstant(),
          "must be an ISO-8601 date-time with an offset, e.g. 2026-11-01T09:00:00+05:00");
    }
    wrongType(field(key), "must be a timestamp", value);
    return Optional.empty();
  }

  /** The non-blank text at {@code key} parsed by {@code parser}; blank reads as absent. */
  <T> Optional<T> parsedText(String key, Parser<T> parser, String expected) {
    return text(key).flatMap(text -> parse(text, field(key), parser, expected));
  }

  /** The text at {@code key}, which must be present, parsed by {@code parser}. */
  <T> Optional<T> requiredParsed(String key, Parser<T> parser, String expected) {
    return requiredText(key).flatMap(text -> parse(text, field(key), parser, expected));
  }

  /** A list whose every element is a string; a bad element is a problem and left out. */
  Optional<List<String>> strings(String key) {
    return list(key, this::asString);
  }

  /** A list whose every element is a string of the form {@code parser} reads. */
  <T> Optional<List<T>> parsedStrings(String key, Parser<T> parser, String expected) {
    return list(
        key,
        (value, field) -> asString(value, field).flatMap(s -> parse(s, field, parser, expected)));
  }

  /** A list of maps ({@code fees}): each element's fields, named {@code key[i].}. */
  List<DocumentFields> maps(String key) {
    return list(key, this::asMap).orElse(List.of());
  }

  private <T> Optional<List<T>> list(String key, ElementReader<T> element) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof List<?> list)) {
      wrongType(field(key), "must be a list", value);
      return Optional.empty();
    }
    List<T> read = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String elementField = field(key) + "[" + i + "]";
      Object item = list.get(i);
      if (item == null) {
        issues.add(new Issue(elementField, "must not be null"));
        continue;
      }
      element.read(item, elementField).ifPresent(read::add);
    }
    return Optional.of(read);
  }

  @FunctionalInterface
  private interface ElementReader<T> {
    Optional<T> read(Object value, String field);
  }

  private Optional<String> asString(Object value, String field) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    wrongType(field, "must be a string", value);
    return Optional.empty();
  }

  private Optional<DocumentFields> asMap(Object value, String field) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(new DocumentFields(map, field + ".", issues));
    }
    wrongType(field, "must be a map", value);
    return Optional.empty();
  }

  private <T> Optional<T> parse(String text, String field, Parser<T> parser, String expected) {
    try {
      return Optional.of(parser.parse(text));
    } catch (DateTimeException | IllegalArgumentException badForm) {
      issues.add(new Issue(field, expected + ", found \"" + text + "\""));
      return Optional.empty();
    }
  }

  private void wrongType(String field, String expected, Object value) {
    issues.add(new Issue(field, expected + ", found " + kind(value)));
  }

  /** The exact decimal value of a number, or empty for NaN and infinities. */
  static Optional<BigDecimal> toDecimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (number instanceof BigInteger integer) {
      return Optional.of(new BigDecimal(integer));
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (!Double.isFinite(value)) {
        return Optional.empty();
      }
      // toString is the shortest decimal form: 0.1f is 0.1, not 0.100000001490116…
      return Optional.of(new BigDecimal(number.toString()));
    }
    if (number instanceof Long
        || number instanceof Integer
        || number instanceof Short
        || number instanceof Byte) {
      return Optional.of(BigDecimal.valueOf(number.longValue()));
    }
    return parseDecimal(number.toString());
  }

  private static Optional<BigDecimal> parseDecimal(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException notDecimal) {
      return Optional.empty();
    }
  }

  private static String kind(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a map";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
