package com.feesmanager.automation.adapters.firestore;

import com.google.cloud.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts values between Firestore's types and the plain values the domain mappers read. */
final class FirestoreValues {

  private FirestoreValues() {}

  /** A document's data as plain values: Timestamp → Instant, maps and lists copied deeply. */
  static Map<String, Object> plain(Map<String, Object> data) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((key, value) -> copy.put(key, plainValue(value)));
    }
    return copy;
  }

  private static Object plainValue(Object value) {
    if (value instanceof Timestamp timestamp) {
      return toInstant(timestamp);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, element) -> copy.put(String.valueOf(key), plainValue(element)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(plainValue(element)));
      return copy;
    }
    // Long, Double, Boolean, String and null as they are; GeoPoint, Blob and references are left
    // for the mapper to report as a value of the wrong type.
    return value;
  }

  static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static Timestamp toTimestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  /**
   * A plain value (as an account file holds it) in a type Firestore stores: whole numbers as Long,
   * other numbers as Double, Instant as Timestamp; maps and lists copied deeply. Firestore has no
   * decimal type, so a BigDecimal with a fraction becomes the nearest double, as the web app's
   * numbers are.
   */
  static Object storable(Object value) {
    if (value instanceof Map<?, ?> map) {
      return storableMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(storable(element)));
      return copy;
    }
    if (value instanceof Instant instant) {
      return toTimestamp(instant);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float number) {
      return Double.valueOf(number.toString());
    }
    if (value instanceof BigInteger integer) {
      return wholeOrDouble(new BigDecimal(integer));
    }
    if (value instanceof BigDecimal decimal) {
      return wholeOrDouble(decimal);
    }
    return value;
  }

  static Map<String, Object> storableMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, element) -> copy.put(String.valueOf(key), storable(element)));
    return copy;
  }

  private static Object wholeOrDouble(BigDecimal decimal) {
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException notWhole) {
      return decimal.doubleValue();
    }
  }

  /** An ISO-8601 date-time with an offset as a Timestamp; any other value as it is. */
  static Object timestampIfIso(Object value) {
    if (value instanceof String text) {
      try {
        return toTimestamp(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeException notATimestamp) {
        return value;
      }
    }
    return value;
  }
}
