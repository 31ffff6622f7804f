package com.feesmanager.automation.adapters.wppconnect;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient JSON for a server without a uniform envelope: bodies are read as plain maps and lists, so
 * unknown fields are simply never looked at. Gson reads and writes; what was Jackson's until issue
 * 16 is kept: strict JSON in, numbers typed as Jackson typed them, strings escaped as it escaped.
 */
final class Json {

  private static final Gson GSON =
      new GsonBuilder().setObjectToNumberStrategy(Json::number).create();
  private static final TypeAdapter<Object> VALUES = GSON.getAdapter(Object.class);
  private static final TypeAdapter<JsonElement> TREES = GSON.getAdapter(JsonElement.class);

  private Json() {}

  /** The parsed body, or empty when it is not JSON at all. */
  static Optional<Object> read(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    // a decoder of its own reports bytes that are not UTF-8, as Jackson did
    JsonReader reader =
        new JsonReader(
            new InputStreamReader(
                new ByteArrayInputStream(body), StandardCharsets.UTF_8.newDecoder()));
    // comments, single quotes, NaN and raw control characters in strings are not JSON
    reader.setStrictness(Strictness.STRICT);
    // as deep as Jackson went (Gson stops at 255)
    reader.setNestingLimit(1000);
    try {
      // the first value; what follows it is not looked at
      return Optional.ofNullable(VALUES.read(reader));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The parsed body when it is a JSON object. */
  static Optional<Map<?, ?>> readObject(byte[] body) {
    return read(body).filter(Map.class::isInstance).map(Map.class::cast);
  }

  /** One line of UTF-8 JSON. */
  static byte[] write(JsonObject value) {
    StringWriter text = new StringWriter();
    try {
      TREES.write(new EscapingWriter(text), value);
    } catch (IOException e) {
      // a StringWriter does not fail
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
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

  /**
   * A number as written: Integer, Long or BigInteger by size when it has no fraction or exponent,
   * so epoch seconds and milliseconds stay exact; otherwise a Double.
   */
  private static Number number(JsonReader in) throws IOException {
    String text = in.nextString();
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      BigInteger integer = new BigInteger(text);
      if (integer.bitLength() < Integer.SIZE) {
        return integer.intValue();
      }
      return integer.bitLength() < Long.SIZE ? integer.longValue() : integer;
    }
    return Double.parseDouble(text);
  }

  /**
   * Gson's writer, with strings escaped as the request bodies always were: {@code <>&='} as they
   * are, the usual short escapes, and any other control character and every UTF-16 surrogate as a
   * backslash-u escape in upper-case hex (an emoji is two of them).
   */
  private static final class EscapingWriter extends JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    EscapingWriter(Writer out) {
      super(out);
    }

    @Override
    public JsonWriter value(String value) throws IOException {
      if (value == null) {
        return nullValue();
      }
      StringBuilder quoted = new StringBuilder(value.length() + 16).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> quoted.append("\\\"");
          case '\\' -> quoted.append("\\\\");
          case '\n' -> quoted.append("\\n");
          case '\r' -> quoted.append("\\r");
          case '\t' -> quoted.append("\\t");
          case '\b' -> quoted.append("\\b");
          case '\f' -> quoted.append("\\f");
          default -> {
            if (c < 0x20 || Character.isSurrogate(c)) {
              quoted.append("\\u");
              for (int shift = 12; shift >= 0; shift -= 4) {
                quoted.append(HEX[(c >> shift) & 0xF]);
              }
            } else {
              quoted.append(c);
            }
          }
        }
      }
      return jsonValue(quoted.append('"').toString());
    }
  }
}
