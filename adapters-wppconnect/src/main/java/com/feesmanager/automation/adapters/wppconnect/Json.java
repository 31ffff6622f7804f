package com.feesmanager.automation.adapters.wppconnect;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient JSON for a server without a uniform envelope: bodies are read as plain maps and lists, so
 * unknown fields are simply never looked at.
 */
final class Json {

  private Json() {}

  /** The parsed body, or empty when it is not JSON at all. */
  static Optional<Object> read(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Holder.MAPPER.readValue(body, Object.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The parsed body when it is a JSON object. */
  static Optional<Map<?, ?>> readObject(byte[] body) {
    return read(body).filter(Map.class::isInstance).map(Map.class::cast);
  }

  static byte[] write(Map<String, Object> value) {
    try {
      return Holder.MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      // maps of strings and booleans always serialise; anything else is a programming error
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Map<?, ?>> object(Object value) {
    return value instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
  }

  static Optional<String> string(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** Integral numbers only: {@code 2}, {@code 2.0}; not {@code "2"} or {@code 2.5}. */
  static Optional<Integer> integer(Object value) {
    if (value instanceof Number number) {
      double asDouble = number.doubleValue();
      if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1_000_000) {
        return Optional.of((int) asDouble);
      }
    }
    return Optional.empty();
  }

  /** An integral number of any size (epoch seconds): {@code 1764072000}; not {@code "1"}. */
  static Optional<Long> number(Object value) {
    if (value instanceof Number number) {
      double asDouble = number.doubleValue();
      if (asDouble == Math.rint(asDouble)) {
        return Optional.of(number.longValue());
      }
    }
    return Optional.empty();
  }

  static Optional<Boolean> bool(Object value) {
    return value instanceof Boolean flag ? Optional.of(flag) : Optional.empty();
  }

  /** The first element of a list, or the value itself when it is not a list. */
  static Object firstOf(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : list.get(0);
    }
    return value;
  }

  /** The mapper is costly to create (about a second), so it is made once, on first use. */
  private static final class Holder {
    static final ObjectMapper MAPPER = ObjectMapper.getDefault();
  }
}
