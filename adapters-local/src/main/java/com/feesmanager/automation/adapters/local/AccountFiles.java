package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads account files (SPEC §9, JSON) into {@link AccountFile}s. Only the outline is checked here
 * (a JSON object with a {@code uid} and object-valued sections); a file that fails it is a {@link
 * StoreUnavailable} naming the file. Decimal numbers are read as {@link BigDecimal}, so money keeps
 * the digits that were written.
 */
public final class AccountFiles {

  static final List<String> SECTIONS =
      List.of("account", "students", "templates", "automationRules");

  private AccountFiles() {}

  /** Reads one account file. */
  public static AccountFile read(Path file) {
    Objects.requireNonNull(file, "'file' must not be null");
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreUnavailable("cannot read account file " + file + ": " + e, e);
    }
    return parse(file.toString(), json);
  }

  /** Reads several account files; two files for the same account are refused. */
  public static List<AccountFile> readAll(List<Path> files) {
    List<AccountFile> read = new ArrayList<>();
    for (Path file : files) {
      read.add(read(file));
    }
    requireDistinctUids(read);
    return List.copyOf(read);
  }

  static void requireDistinctUids(List<AccountFile> files) {
    Map<String, String> sources = new HashMap<>();
    for (AccountFile file : files) {
      String earlier = sources.putIfAbsent(file.uid(), file.source());
      if (earlier != null) {
        throw new StoreUnavailable(
            "account \"" + file.uid() + "\" is in two files: " + earlier + " and " + file.source());
      }
    }
  }

  /** Parses the JSON text of the account file named {@code source}. */
  static AccountFile parse(String source, byte[] json) {
    Object tree;
    try {
      tree = Json.read(json);
    } catch (IOException e) {
      // from bytes in memory, the only failure left is malformed JSON
      throw new StoreUnavailable(
          "account file " + source + " is not valid JSON: " + readable(e), e);
    }
    if (!(tree instanceof Map<?, ?> top)) {
      throw new StoreUnavailable(
          "account file " + source + " must hold one JSON object (SPEC §9 account file)");
    }
    if (!(top.get("uid") instanceof String uid) || uid.isBlank()) {
      throw new StoreUnavailable(
          "account file " + source + " needs \"uid\": the account's id, a non-empty string");
    }
    List<Map<String, Object>> sections = new ArrayList<>();
    for (String name : SECTIONS) {
      Object section = top.get(name);
      if (section == null) {
        sections.add(Map.of());
      } else if (section instanceof Map<?, ?> map) {
        sections.add(frozenMap(map));
      } else {
        throw new StoreUnavailable(
            "account file " + source + ": \"" + name + "\" must be a JSON object");
      }
    }
    return new AccountFile(
        source, uid, sections.get(0), sections.get(1), sections.get(2), sections.get(3));
  }

  /** A read-only deep copy, with decimals as BigDecimal. */
  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      return frozenMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(frozen(element));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      // the shortest decimal that reads back as this double is what the file said
      return Double.isFinite(number) ? BigDecimal.valueOf(number) : value;
    }
    return value;
  }

  private static Map<String, Object> frozenMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, element) -> copy.put(String.valueOf(key), frozen(element)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Gson's message on one line, without its pointer to Gson's guide and its advice to Gson users.
   */
  private static String readable(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return message
        .replaceFirst("^End of input at ", "Unexpected end of input at ")
        .replace(
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
            "Unexpected text (names and strings need double quotes; no comments, NaN or leading zeros)")
        .replace(" in strict mode", "");
  }

  /**
   * Strict JSON (RFC 8259: no comments, single quotes, NaN or raw control characters in strings),
   * as maps, lists, strings, booleans, nulls and numbers; what follows the first value is not read.
   */
  private static final class Json {

    private static final TypeAdapter<Object> VALUES =
        new GsonBuilder().setObjectToNumberStrategy(Json::number).create().getAdapter(Object.class);

    static Object read(byte[] json) throws IOException {
      Charset encoding = encoding(json);
      // a decoder of its own reports bytes that are not text (a Latin-1 file), as Jackson did
      JsonReader reader =
          new JsonReader(
              new InputStreamReader(new ByteArrayInputStream(json), encoding.newDecoder()));
      reader.setStrictness(Strictness.STRICT);
      // as deep as Jackson went (Gson stops at 255)
      reader.setNestingLimit(1000);
      try {
        try {
          reader.peek();
        } catch (EOFException nothing) {
          throw new EOFException("No JSON input to parse");
        }
        return VALUES.read(reader);
      } catch (CharacterCodingException e) {
        throw new IOException("Invalid " + encoding + " bytes (save the file as UTF-8 text)", e);
      }
    }

    /**
     * UTF-8 unless a byte order mark or the zero bytes of the first characters say UTF-16 or UTF-32
     * (RFC 4627 §3), as Jackson told them apart: a file saved as "Unicode" on Windows still reads.
     */
    static Charset encoding(byte[] json) {
      int[] b = new int[4];
      for (int i = 0; i < b.length; i++) {
        b[i] = i < json.length ? json[i] & 0xFF : -1;
      }
      if (b[0] == 0 && b[1] == 0 && (b[2] == 0 || b[2] == 0xFE) && b[3] > 0) {
        return Charset.forName("UTF-32BE");
      }
      if (b[0] > 0 && b[1] == 0 && b[2] == 0 && b[3] == 0
          || b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
        return Charset.forName("UTF-32LE");
      }
      if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0 && b[1] > 0)) {
        return StandardCharsets.UTF_16BE;
      }
      if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] > 0 && b[1] == 0)) {
        return StandardCharsets.UTF_16LE;
      }
      return StandardCharsets.UTF_8;
    }

    /**
     * Integer, Long or BigInteger by size without a fraction or exponent, else Double (made a
     * BigDecimal above): the types Jackson gave before issue 16.
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
  }
}
