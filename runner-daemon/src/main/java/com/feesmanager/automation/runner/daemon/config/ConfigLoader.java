package com.feesmanager.automation.runner.daemon.config;

import com.feesmanager.automation.runner.daemon.config.AutomationConfig.Firebase;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.FirestoreAccess;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.Limits;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.LogLevel;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.Retry;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.Scheduling;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig.WppConnect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the {@link AutomationConfig} of SPEC §7 from the environment and an optional {@code .env}
 * file: the environment wins, an empty value counts as unset, every problem is collected and
 * reported at once in a {@link ConfigException}, and no secret is ever repeated in a message.
 *
 * <p>It is handed the environment as a map (the CLI passes {@code System.getenv()}), so it is pure
 * and tests need no process tricks.
 */
public final class ConfigLoader {

  /** Which cross-checks apply. */
  public enum Mode {
    /** The commands that talk to servers: wppconnect-server credentials and Firestore required. */
    SERVER,
    /** Commands that only need Firestore ({@code import}): Firestore access required. */
    FIRESTORE,
    /**
     * The embedded default ({@code demo}, {@code --data}): values are checked, nothing required.
     */
    EMBEDDED
  }

  /** The {@code .env} the CLI reads when it is given none: in the working directory. */
  public static final Path DEFAULT_DOT_ENV = Path.of(".env");

  static final String WPPCONNECT_SERVER_URL = "WPPCONNECT_SERVER_URL";
  static final String WEBHOOK_SECRET = "WEBHOOK_SECRET";
  static final String WPPCONNECT_SESSION_ID = "WPPCONNECT_SESSION_ID";
  static final String WPPCONNECT_SECRET_KEY = "WPPCONNECT_SECRET_KEY";
  static final String WPPCONNECT_TOKEN = "WPPCONNECT_TOKEN";
  static final String WPP_TIMEOUT = "WPP_TIMEOUT";
  static final String WPP_HEALTH_INTERVAL = "WPP_HEALTH_INTERVAL";
  static final String WPP_AUTO_RECONNECT = "WPP_AUTO_RECONNECT";
  static final String FIREBASE_PROJECT_ID = "FIREBASE_PROJECT_ID";
  static final String FIREBASE_CLIENT_EMAIL = "FIREBASE_CLIENT_EMAIL";
  static final String FIREBASE_PRIVATE_KEY = "FIREBASE_PRIVATE_KEY";
  static final String GOOGLE_APPLICATION_CREDENTIALS = "GOOGLE_APPLICATION_CREDENTIALS";
  static final String FIRESTORE_EMULATOR_HOST = "FIRESTORE_EMULATOR_HOST";
  static final String REDIS_URL = "REDIS_URL";
  static final String AUTOMATION_CHECK_INTERVAL = "AUTOMATION_CHECK_INTERVAL";
  static final String AUTOMATION_MISFIRE_GRACE = "AUTOMATION_MISFIRE_GRACE";

  /** SPEC §2 amended: a longer grace is a configuration error. */
  static final Duration MAX_MISFIRE_GRACE = Duration.ofDays(1);

  static final String MAX_MESSAGES_PER_HOUR = "MAX_MESSAGES_PER_HOUR";
  static final String MAX_MESSAGES_PER_DAY = "MAX_MESSAGES_PER_DAY";
  static final String MIN_SEND_INTERVAL = "MIN_SEND_INTERVAL";
  static final String MAX_ATTEMPTS = "MAX_ATTEMPTS";
  static final String RETRY_BASE_DELAY = "RETRY_BASE_DELAY";
  static final String VISIBILITY_TIMEOUT = "VISIBILITY_TIMEOUT";
  static final String DEDUPE_RETENTION = "DEDUPE_RETENTION";
  static final String DEFAULT_COUNTRY_CODE = "DEFAULT_COUNTRY_CODE";
  static final String ALERT_WEBHOOK_URL = "ALERT_WEBHOOK_URL";
  static final String HTTP_PORT = "HTTP_PORT";
  static final String HTTP_BIND = "HTTP_BIND";
  static final String LOG_LEVEL = "LOG_LEVEL";
  static final String LOG_FILE = "LOG_FILE";
  static final String TZ = "TZ";
  static final String FIRESTORE_CACHE_MAX_AGE = "FIRESTORE_CACHE_MAX_AGE";
  static final String LEDGER_MAX_AGE = "LEDGER_MAX_AGE";

  /** Every variable read, in the documented order (docs/configuration.md, .env.example). */
  public static final List<String> VARIABLES =
      List.of(
          WPPCONNECT_SERVER_URL,
          WEBHOOK_SECRET,
          WPPCONNECT_SESSION_ID,
          WPPCONNECT_SECRET_KEY,
          WPPCONNECT_TOKEN,
          WPP_TIMEOUT,
          WPP_HEALTH_INTERVAL,
          WPP_AUTO_RECONNECT,
          FIREBASE_PROJECT_ID,
          FIREBASE_CLIENT_EMAIL,
          FIREBASE_PRIVATE_KEY,
          GOOGLE_APPLICATION_CREDENTIALS,
          FIRESTORE_EMULATOR_HOST,
          REDIS_URL,
          AUTOMATION_CHECK_INTERVAL,
          AUTOMATION_MISFIRE_GRACE,
          MAX_MESSAGES_PER_HOUR,
          MAX_MESSAGES_PER_DAY,
          MIN_SEND_INTERVAL,
          MAX_ATTEMPTS,
          RETRY_BASE_DELAY,
          VISIBILITY_TIMEOUT,
          DEDUPE_RETENTION,
          DEFAULT_COUNTRY_CODE,
          ALERT_WEBHOOK_URL,
          HTTP_PORT,
          HTTP_BIND,
          LOG_LEVEL,
          LOG_FILE,
          TZ,
          FIRESTORE_CACHE_MAX_AGE,
          LEDGER_MAX_AGE);

  /** The variables whose values are never shown (REDIS_URL shows all but its password). */
  public static final List<String> SECRET_VARIABLES =
      List.of(
          WEBHOOK_SECRET,
          WPPCONNECT_SECRET_KEY,
          WPPCONNECT_TOKEN,
          FIREBASE_PRIVATE_KEY,
          ALERT_WEBHOOK_URL);

  private static final int MAX_SHOWN = 80;
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern URL_SAFE_SECRET = Pattern.compile("[A-Za-z0-9._~-]{16,256}");
  private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_-]{0,99}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,3}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final String DURATION_FORMAT =
      "must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000";

  private ConfigLoader() {}

  /**
   * The configuration of a server command ({@code daemon}, {@code tick}, {@code check}, …).
   *
   * @param env the process environment; wins over the file
   * @param dotEnvFile a {@code .env} to read when it exists
   * @throws ConfigException listing every problem
   */
  public static AutomationConfig load(Map<String, String> env, Optional<Path> dotEnvFile) {
    return load(env, dotEnvFile, Mode.SERVER);
  }

  /**
   * The configuration for {@code mode}: every value is checked in both modes; only {@link
   * Mode#SERVER} requires credentials and checks the key file exists.
   *
   * @throws ConfigException listing every problem
   */
  public static AutomationConfig load(
      Map<String, String> env, Optional<Path> dotEnvFile, Mode mode) {
    Objects.requireNonNull(env, "'env' must not be null");
    Objects.requireNonNull(dotEnvFile, "'dotEnvFile' must not be null");
    Objects.requireNonNull(mode, "'mode' must not be null");
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, String> merged = new HashMap<>();
    dotEnvFile.ifPresent(
        file -> {
          DotEnvFile.Parsed parsed = DotEnvFile.read(file);
          merged.putAll(parsed.values());
          problems.addAll(parsed.problems());
        });
    // The environment wins, even with an empty value: `VAR=` on the command line means "unset".
    env.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            merged.put(name, value);
          }
        });
    AutomationConfig config = new Reader(merged, problems, mode).read();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /** Reads one merged variable map, collecting problems instead of stopping at the first. */
  private static final class Reader {

    private final Map<String, String> values;
    private final List<ConfigProblem> problems;
    private final Mode mode;

    Reader(Map<String, String> values, List<ConfigProblem> problems, Mode mode) {
      this.values = values;
      this.problems = problems;
      this.mode = mode;
    }

    AutomationConfig read() {
      URI serverUrl =
          optional(WPPCONNECT_SERVER_URL, ConfigLoader::serverUrl, Shown.WITHOUT_CREDENTIALS)
              .orElse(URI.create("http://wppconnect-server:21465"));
      Optional<Secret> webhookSecret =
          optional(WEBHOOK_SECRET, ConfigLoader::urlSafeSecret, Shown.NEVER);
      String session =
          optional(WPPCONNECT_SESSION_ID, ConfigLoader::sessionId, Shown.VALUE).orElse("default");
      Optional<Secret> secretKey =
          optional(WPPCONNECT_SECRET_KEY, ConfigLoader::headerSecret, Shown.NEVER);
      Optional<Secret> token = optional(WPPCONNECT_TOKEN, ConfigLoader::headerSecret, Shown.NEVER);
      Duration wppTimeout = duration(WPP_TIMEOUT, Duration.ofSeconds(30), Duration.ofSeconds(1));
      Duration healthInterval =
          duration(WPP_HEALTH_INTERVAL, Duration.ofMinutes(5), Duration.ofSeconds(1));
      boolean autoReconnect =
          optional(WPP_AUTO_RECONNECT, ConfigLoader::bool, Shown.VALUE).orElse(true);

      Optional<String> projectId =
          optional(FIREBASE_PROJECT_ID, ConfigLoader::projectId, Shown.VALUE);
      Optional<String> clientEmail =
          optional(FIREBASE_CLIENT_EMAIL, ConfigLoader::clientEmail, Shown.VALUE);
      Optional<Secret> privateKey =
          optional(FIREBASE_PRIVATE_KEY, ConfigLoader::privateKey, Shown.NEVER);
      Optional<Path> keyFile =
          optional(GOOGLE_APPLICATION_CREDENTIALS, ConfigLoader::path, Shown.VALUE);
      Optional<String> emulatorHost =
          optional(FIRESTORE_EMULATOR_HOST, ConfigLoader::hostAndPort, Shown.VALUE);

      RedisUrl redisUrl =
          optional(REDIS_URL, RedisUrl::parse, Shown.WITHOUT_CREDENTIALS)
              .orElse(RedisUrl.parse("redis://redis:6379"));

      Duration checkInterval =
          duration(AUTOMATION_CHECK_INTERVAL, Duration.ofMinutes(1), Duration.ofSeconds(1));
      Duration misfireGrace = duration(AUTOMATION_MISFIRE_GRACE, Duration.ofHours(6), null);
      if (isValid(AUTOMATION_MISFIRE_GRACE) && misfireGrace.compareTo(MAX_MISFIRE_GRACE) > 0) {
        // done marks are kept for a month and a day: a longer grace could fire a month-old
        // occurrence again, and a day-old reminder is already stale
        problem(
            AUTOMATION_MISFIRE_GRACE,
            "must be at most P1D (one day), got \"" + shown(AUTOMATION_MISFIRE_GRACE) + "\"");
        misfireGrace = Duration.ofHours(6);
      }
      int maxPerHour = wholeNumber(MAX_MESSAGES_PER_HOUR, 100, 1, Integer.MAX_VALUE);
      int maxPerDay = wholeNumber(MAX_MESSAGES_PER_DAY, 1000, 1, Integer.MAX_VALUE);
      Duration minSendInterval = duration(MIN_SEND_INTERVAL, Duration.ofSeconds(3), null);
      int maxAttempts = wholeNumber(MAX_ATTEMPTS, 3, 1, Integer.MAX_VALUE);
      Duration retryBaseDelay =
          duration(RETRY_BASE_DELAY, Duration.ofSeconds(30), Duration.ofMillis(1));
      Duration visibilityTimeout =
          duration(VISIBILITY_TIMEOUT, Duration.ofMinutes(2), Duration.ofSeconds(1));
      Duration dedupeRetention =
          duration(DEDUPE_RETENTION, Duration.ofDays(14), Duration.ofMillis(1));
      String countryCode =
          optional(DEFAULT_COUNTRY_CODE, ConfigLoader::countryCode, Shown.VALUE).orElse("92");
      Optional<SecretUrl> alertWebhook = optional(ALERT_WEBHOOK_URL, SecretUrl::parse, Shown.NEVER);
      int httpPort = wholeNumber(HTTP_PORT, 8081, 0, 65535);
      String httpBind =
          optional(HTTP_BIND, ConfigLoader::bindAddress, Shown.VALUE).orElse("127.0.0.1");
      LogLevel logLevel =
          optional(LOG_LEVEL, ConfigLoader::logLevel, Shown.VALUE).orElse(LogLevel.INFO);
      Optional<Path> logFile = optional(LOG_FILE, ConfigLoader::logFile, Shown.VALUE);
      ZoneId tz = optional(TZ, ConfigLoader::zone, Shown.VALUE).orElse(ZoneId.of("Asia/Karachi"));
      Duration firestoreCacheMaxAge =
          duration(FIRESTORE_CACHE_MAX_AGE, Duration.ofHours(1), Duration.ofMillis(1));
      Duration ledgerMaxAge = duration(LEDGER_MAX_AGE, Duration.ofMinutes(5), Duration.ofMillis(1));

      // A send still running when its claim expires would be handed to another worker and sent
      // twice, so a claim must outlast the longest call.
      if (isValid(VISIBILITY_TIMEOUT)
          && isValid(WPP_TIMEOUT)
          && visibilityTimeout.compareTo(wppTimeout) <= 0) {
        problem(
            VISIBILITY_TIMEOUT,
            "must be longer than WPP_TIMEOUT ("
                + wppTimeout
                + "), got \""
                + shown(VISIBILITY_TIMEOUT)
                + "\": a send still in progress would be handed to another worker");
      }

      Firebase firebase = new Firebase(projectId, clientEmail, privateKey, keyFile, emulatorHost);
      if (mode == Mode.FIRESTORE) {
        requireFirestoreAccess(firebase);
      }
      if (mode == Mode.SERVER) {
        requireWppCredentials();
        requireFirestoreAccess(firebase);
      }

      return new AutomationConfig(
          new WppConnect(
              serverUrl,
              webhookSecret,
              session,
              secretKey,
              token,
              wppTimeout,
              healthInterval,
              autoReconnect),
          firebase,
          redisUrl,
          new Scheduling(checkInterval, misfireGrace),
          new Limits(maxPerHour, maxPerDay, minSendInterval),
          new Retry(maxAttempts, retryBaseDelay),
          visibilityTimeout,
          dedupeRetention,
          countryCode,
          alertWebhook,
          httpPort,
          httpBind,
          logLevel,
          logFile,
          tz,
          firestoreCacheMaxAge,
          ledgerMaxAge);
    }

    private void requireWppCredentials() {
      if (!isSet(WPPCONNECT_TOKEN) && !isSet(WPPCONNECT_SECRET_KEY)) {
        problem(
            WPPCONNECT_TOKEN,
            "not set, and neither is WPPCONNECT_SECRET_KEY: set one of them so the daemon can"
                + " authenticate to wppconnect-server");
      }
    }

    private void requireFirestoreAccess(Firebase firebase) {
      if (isSet(FIRESTORE_EMULATOR_HOST)) {
        if (!isSet(FIREBASE_PROJECT_ID)) {
          problem(FIREBASE_PROJECT_ID, "required with FIRESTORE_EMULATOR_HOST");
        }
        return;
      }
      List<String> inline =
          List.of(FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL, FIREBASE_PRIVATE_KEY);
      List<String> given = inline.stream().filter(this::isSet).toList();
      if (isSet(GOOGLE_APPLICATION_CREDENTIALS)) {
        if (firebase.access() == FirestoreAccess.KEY_FILE) {
          Path file = firebase.googleApplicationCredentials().orElseThrow();
          if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problem(
                GOOGLE_APPLICATION_CREDENTIALS,
                "no readable file at \"" + shown(GOOGLE_APPLICATION_CREDENTIALS) + "\"");
          }
        }
        return;
      }
      if (given.isEmpty()) {
        problem(
            "Firestore credentials",
            "none set: set GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), or"
                + " FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY, or"
                + " FIRESTORE_EMULATOR_HOST and FIREBASE_PROJECT_ID");
        return;
      }
      for (String name : inline) {
        if (!isSet(name)) {
          problem(
              name,
              "required with "
                  + String.join(" and ", given)
                  + " (or set GOOGLE_APPLICATION_CREDENTIALS to a key file instead)");
        }
      }
    }

    /** The value of {@code name} parsed by {@code parse}, or empty when unset or invalid. */
    private <T> Optional<T> optional(String name, Function<String, T> parse, Shown shown) {
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
    private Duration duration(String name, Duration fallback, Duration min) {
      Optional<Duration> parsed = optional(name, ConfigLoader::duration, Shown.VALUE);
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

    private int wholeNumber(String name, int fallback, int min, int max) {
      String expected =
          max == Integer.MAX_VALUE
              ? "must be a whole number ≥ " + min
              : "must be a whole number from " + min + " to " + max;
      return optional(
              name,
              text -> {
                if (!DIGITS.matcher(text).matches() || text.length() > 10) {
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
    private Optional<String> raw(String name) {
      String value = values.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private boolean isSet(String name) {
      return raw(name).isPresent();
    }

    /** Set and free of problems of its own (a cross-check on a bad value would only repeat it). */
    private boolean isValid(String name) {
      return problems.stream().noneMatch(p -> p.subject().equals(name));
    }

    private String shown(String name) {
      return shown(name, Shown.VALUE);
    }

    private String shown(String name, Shown shown) {
      String value = raw(name).orElse("");
      if (shown == Shown.WITHOUT_CREDENTIALS) {
        value = Urls.withoutCredentials(value);
      }
      return printable(value);
    }

    private void problem(String subject, String message) {
      problems.add(new ConfigProblem(subject, message));
    }
  }

  /** How much of a bad value a message may repeat. */
  private enum Shown {
    VALUE,
    WITHOUT_CREDENTIALS,
    NEVER
  }

  /** One line, bounded: control characters become {@code ?}, long values are cut. */
  private static String printable(String value) {
    String oneLine =
        value
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "…";
  }

  private static Duration duration(String text) {
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

  private static URI serverUrl(String text) {
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

  private static Secret urlSafeSecret(String text) {
    if (!URL_SAFE_SECRET.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (it is a URL path segment);"
              + " the value is not shown");
    }
    return Secret.of(text);
  }

  private static Secret headerSecret(String text) {
    if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "must not contain spaces or line breaks; the value is not shown");
    }
    return Secret.of(text);
  }

  private static String sessionId(String text) {
    if (!SESSION_ID.matcher(text).matches()) {
      throw new IllegalArgumentException("must be 1 to 64 characters of A-Z a-z 0-9 _ -");
    }
    return text;
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static String projectId(String text) {
    if (!PROJECT_ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a Google Cloud project id such as fees-manager-1a2b");
    }
    return text;
  }

  private static String clientEmail(String text) {
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
  private static Secret privateKey(String text) {
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

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("must be a file path", e);
    }
  }

  private static Path logFile(String text) {
    Path file = path(text);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("must be a file path, not a directory");
    }
    return file;
  }

  private static String hostAndPort(String text) {
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

  private static String countryCode(String text) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (!COUNTRY_CODE.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "must be 1 to 4 digits not starting with 0 (92 for Pakistan)");
    }
    return digits;
  }

  private static String bindAddress(String text) {
    if (!Hosts.isHostName(text) && !Hosts.isIpv6(text) && !Hosts.isBracketedIpv6(text)) {
      throw new IllegalArgumentException(
          "must be an address or host name to listen on, such as 127.0.0.1, 0.0.0.0 or ::");
    }
    return text;
  }

  private static LogLevel logLevel(String text) {
    try {
      return LogLevel.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be one of "
              + Stream.of(LogLevel.values()).map(Enum::name).collect(Collectors.joining(", ")),
          e);
    }
  }

  private static ZoneId zone(String text) {
    // POSIX allows a leading ':' ("TZ=:Asia/Karachi"); the zone id follows it.
    String id = text.startsWith(":") ? text.substring(1) : text;
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time-zone id such as Asia/Karachi or UTC", e);
    }
  }
}
