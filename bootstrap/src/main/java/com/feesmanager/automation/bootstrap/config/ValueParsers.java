package com.feesmanager.automation.bootstrap.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parsers of single values: each returns the value or throws IllegalArgumentException saying
 * what is expected.
 */
final class ValueParsers {

  static final int MAX_SHOWN = 80;
  static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final Pattern URL_SAFE_SECRET = Pattern.compile("[A-Za-z0-9._~-]{16,256}");
  static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_-]{0,99}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,3}");
  static final Pattern DIGITS = Pattern.compile("[0-9]+");
  static final String DURATION_FORMAT =
      "must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000";

  private ValueParsers() {}

  /** One line, bounded: control characters become {@code ?}, long values are cut. */
  static String printable(String value) {
    String oneLine =
        value
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "…";
  }

  static Duration duration(String text) {
    try {
      if (DIGITS.matcher(text).matches()) {
        if (text.length() > 15) {
          throw new IllegalArgumentException(DURATION_FORMAT);
        }
        return Duration.ofMillis(Long.parseLong(text));
      }
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(DURATION_FORMAT, e);
    }
  }

  static URI serverUrl(String text) {
    String trimmed = text;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri =
        Urls.httpUri(trimmed)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "must be an http:// or https:// URL such as"
                            + " http://wppconnect-server:21465"));
    // wppconnect-server authenticates with bearer tokens; a password here would end up in logs.
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "must not carry a user or password (authentication is WPPCONNECT_TOKEN or"
              + " WPPCONNECT_SECRET_KEY)");
    }
    return uri;
  }

  static Secret urlSafeSecret(String text) {
    if (!URL_SAFE_SECRET.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (it is a URL path segment);"
              + " the value is not shown");
    }
    return Secret.of(text);
  }

  /** A bearer token an operator types or a scraper sends: long enough not to be guessed. */
  static Secret accessToken(String text) {
    if (text.length() < 16
        || text.length() > 256
        || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "must be 16 to 256 characters without spaces or line breaks; the value is not shown");
    }
    return Secret.of(text);
  }

  static Secret headerSecret(String text) {
    if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "must not contain spaces or line breaks; the value is not shown");
    }
    return Secret.of(text);
  }

  static String sessionId(String text) {
    if (!SESSION_ID.matcher(text).matches()) {
      throw new IllegalArgumentException("must be 1 to 64 characters of A-Z a-z 0-9 _ -");
    }
    return text;
  }

  static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  static String projectId(String text) {
    if (!PROJECT_ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a Google Cloud project id such as fees-manager-1a2b");
    }
    return text;
  }

  static String clientEmail(String text) {
    if (!EMAIL.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a service-account e-mail such as name@project.iam.gserviceaccount.com");
    }
    return text;
  }

  /**
   * A PEM key with real line breaks. Environment files and CI secrets usually carry it on one line
   * with literal {@code \n}, sometimes still wrapped in quotes (the JSON key file's, or ones an
   * env-file reader left in place).
   */
  static Secret privateKey(String text) {
    String key = text;
    if (key.length() >= 2
        && (key.charAt(0) == '"' || key.charAt(0) == '\'')
        && key.charAt(key.length() - 1) == key.charAt(0)) {
      key = key.substring(1, key.length() - 1);
    }
    key = key.replace("\\n", "\n");
    if (!key.contains("-----BEGIN")
        || !key.contains("PRIVATE KEY-----")
        || !key.contains("-----END")) {
      throw new IllegalArgumentException(
          "must be a PEM private key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----,"
              + " line breaks as real newlines or \\n); the value is not shown");
    }
    return Secret.of(key);
  }

  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("must be a file path", e);
    }
  }

  static Path logFile(String text) {
    Path file = path(text);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("must be a file path, not a directory");
    }
    return file;
  }

  static String hostAndPort(String text) {
    String expected = "must be host:port such as localhost:8080";
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(expected);
    }
    String host = text.substring(0, colon);
    boolean hostOk = Hosts.isHostName(host) || Hosts.isBracketedIpv6(host);
    if (!hostOk || Hosts.port(text.substring(colon + 1)).isEmpty()) {
      throw new IllegalArgumentException(expected);
    }
    return text;
  }

  static String countryCode(String text) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (!COUNTRY_CODE.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "must be 1 to 4 digits not starting with 0 (92 for Pakistan)");
    }
    return digits;
  }

  static String bindAddress(String text) {
    if (!Hosts.isHostName(text) && !Hosts.isIpv6(text) && !Hosts.isBracketedIpv6(text)) {
      throw new IllegalArgumentException(
          "must be an address or host name to listen on, such as 127.0.0.1, 0.0.0.0 or ::");
    }
    return text;
  }

  static LogLevel logLevel(String text) {
    try {
      return LogLevel.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be one of "
              + Stream.of(LogLevel.values()).map(Enum::name).collect(Collectors.joining(", ")),
          e);
    }
  }

  static LogFormat logFormat(String text) {
    try {
      return LogFormat.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be text or json", e);
    }
  }

  static ZoneId zone(String text) {
    // POSIX allows a leading ':' ("TZ=:Asia/Karachi"); the zone id follows it.
    String id = text.startsWith(":") ? text.substring(1) : text;
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time-zone id such as Asia/Karachi or UTC", e);
    }
  }
}
