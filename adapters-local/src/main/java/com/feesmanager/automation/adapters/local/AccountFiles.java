package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
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
      tree = Json.MAPPER.readValue(json, Object.class);
    } catch (IOException e) {
      // from bytes in memory, the only failure left is malformed JSON
      throw new StoreUnavailable(
          "account file " + source + " is not valid JSON: " + readable(e.getMessage()), e);
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

  /** Jackson's message without its "Source: REDACTED" noise, on one line. */
  private static String readable(String message) {
    if (message == null) {
      return "unreadable content";
    }
    return message.replaceAll("Source: [^;\\]]*; ", "").replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** The mapper is costly to create (about a second), so it is made once, on first use. */
  private static final class Json {
    static final ObjectMapper MAPPER = ObjectMapper.getDefault();
  }
}
