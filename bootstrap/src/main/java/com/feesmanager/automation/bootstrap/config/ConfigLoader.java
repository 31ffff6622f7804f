package com.feesmanager.automation.bootstrap.config;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.Alerting;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Limits;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.LogFormat;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.LogLevel;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Retry;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Scheduling;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.WppConnect;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
  static final String ALERT_EMAIL_TO = "ALERT_EMAIL_TO";
  static final String SMTP_URL = "SMTP_URL";
  static final String HTTP_PORT = "HTTP_PORT";
  static final String HTTP_BIND = "HTTP_BIND";
  static final String CONSOLE_TOKEN = "CONSOLE_TOKEN";
  static final String METRICS_TOKEN = "METRICS_TOKEN";
  static final String LOG_LEVEL = "LOG_LEVEL";
  static final String LOG_FILE = "LOG_FILE";
  static final String LOG_FORMAT = "LOG_FORMAT";
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
          ALERT_EMAIL_TO,
          SMTP_URL,
          HTTP_PORT,
          HTTP_BIND,
          CONSOLE_TOKEN,
          METRICS_TOKEN,
          LOG_LEVEL,
          LOG_FILE,
          LOG_FORMAT,
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
          ALERT_WEBHOOK_URL,
          SMTP_URL,
          CONSOLE_TOKEN,
          METRICS_TOKEN);

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

    private final ConfigValues v;
    private final Mode mode;

    Reader(Map<String, String> values, List<ConfigProblem> problems, Mode mode) {
      this.v = new ConfigValues(values, problems);
      this.mode = mode;
    }

    AutomationConfig read() {
      WppConnect wpp = ConfigSections.wppConnect(v);
      Firebase firebase = ConfigSections.firebase(v);

      RedisUrl redisUrl =
          v.optional(REDIS_URL, RedisUrl::parse, ConfigValues.Shown.WITHOUT_CREDENTIALS)
              .orElse(RedisUrl.parse("redis://redis:6379"));

      Duration checkInterval =
          v.duration(AUTOMATION_CHECK_INTERVAL, Duration.ofMinutes(1), Duration.ofSeconds(1));
      Duration misfireGrace = v.duration(AUTOMATION_MISFIRE_GRACE, Duration.ofHours(6), null);
      misfireGrace = CrossChecks.misfireGrace(v, misfireGrace);
      int maxPerHour = v.wholeNumber(MAX_MESSAGES_PER_HOUR, 100, 1, Integer.MAX_VALUE);
      int maxPerDay = v.wholeNumber(MAX_MESSAGES_PER_DAY, 1000, 1, Integer.MAX_VALUE);
      Duration minSendInterval = v.duration(MIN_SEND_INTERVAL, Duration.ofSeconds(3), null);
      int maxAttempts = v.wholeNumber(MAX_ATTEMPTS, 3, 1, Integer.MAX_VALUE);
      Duration retryBaseDelay =
          v.duration(RETRY_BASE_DELAY, Duration.ofSeconds(30), Duration.ofMillis(1));
      Duration visibilityTimeout =
          v.duration(VISIBILITY_TIMEOUT, Duration.ofMinutes(2), Duration.ofSeconds(1));
      Duration dedupeRetention =
          v.duration(DEDUPE_RETENTION, Duration.ofDays(14), Duration.ofMillis(1));
      String countryCode =
          v.optional(DEFAULT_COUNTRY_CODE, ValueParsers::countryCode, ConfigValues.Shown.VALUE)
              .orElse("92");
      Alerting alerting = alerting();
      int httpPort = v.wholeNumber(HTTP_PORT, 8081, 0, 65535);
      String httpBind =
          v.optional(HTTP_BIND, ValueParsers::bindAddress, ConfigValues.Shown.VALUE)
              .orElse("127.0.0.1");
      Optional<Secret> consoleToken =
          v.optional(CONSOLE_TOKEN, ValueParsers::accessToken, ConfigValues.Shown.NEVER);
      Optional<Secret> metricsToken =
          v.optional(METRICS_TOKEN, ValueParsers::accessToken, ConfigValues.Shown.NEVER);
      LogLevel logLevel =
          v.optional(LOG_LEVEL, ValueParsers::logLevel, ConfigValues.Shown.VALUE)
              .orElse(LogLevel.INFO);
      Optional<Path> logFile =
          v.optional(LOG_FILE, ValueParsers::logFile, ConfigValues.Shown.VALUE);
      LogFormat logFormat =
          v.optional(LOG_FORMAT, ValueParsers::logFormat, ConfigValues.Shown.VALUE)
              .orElse(LogFormat.TEXT);
      ZoneId tz =
          v.optional(TZ, ValueParsers::zone, ConfigValues.Shown.VALUE)
              .orElse(ZoneId.of("Asia/Karachi"));
      Duration firestoreCacheMaxAge =
          v.duration(FIRESTORE_CACHE_MAX_AGE, Duration.ofHours(1), Duration.ofMillis(1));
      Duration ledgerMaxAge =
          v.duration(LEDGER_MAX_AGE, Duration.ofMinutes(5), Duration.ofMillis(1));

      CrossChecks.apply(v, mode, visibilityTimeout, wpp.timeout(), firebase);

      return new AutomationConfig(
          wpp,
          firebase,
          redisUrl,
          new Scheduling(checkInterval, misfireGrace),
          new Limits(maxPerHour, maxPerDay, minSendInterval),
          new Retry(maxAttempts, retryBaseDelay),
          visibilityTimeout,
          dedupeRetention,
          countryCode,
          alerting,
          httpPort,
          httpBind,
          new AutomationConfig.HttpAccess(consoleToken, metricsToken),
          logLevel,
          logFile,
          logFormat,
          tz,
          firestoreCacheMaxAge,
          ledgerMaxAge);
    }

    /**
     * {@code ALERT_WEBHOOK_URL} (one or more, comma-separated), {@code ALERT_EMAIL_TO} (one or more
     * addresses) and {@code SMTP_URL}: the two e-mail variables go together.
     */
    private Alerting alerting() {
      List<SecretUrl> webhooks =
          v.optional(ALERT_WEBHOOK_URL, ConfigLoader::webhookUrls, ConfigValues.Shown.NEVER)
              .orElse(List.of());
      List<String> emailTo =
          v.optional(ALERT_EMAIL_TO, ConfigLoader::addresses, ConfigValues.Shown.VALUE)
              .orElse(List.of());
      Optional<SmtpUrl> smtp = v.optional(SMTP_URL, SmtpUrl::parse, ConfigValues.Shown.NEVER);
      if (!emailTo.isEmpty() && smtp.isEmpty() && v.raw(SMTP_URL).isEmpty()) {
        v.problem(ALERT_EMAIL_TO, "needs SMTP_URL, the server alert e-mails go through");
      }
      if (smtp.isPresent() && emailTo.isEmpty() && v.raw(ALERT_EMAIL_TO).isEmpty()) {
        v.problem(SMTP_URL, "is set but ALERT_EMAIL_TO, who alert e-mails go to, is not");
      }
      return new Alerting(webhooks, emailTo, smtp);
    }
  }

  /** Several webhook URLs, separated by commas (or spaces): each gets every alert. */
  static List<SecretUrl> webhookUrls(String value) {
    List<SecretUrl> urls = new ArrayList<>();
    for (String part : value.split("[,\\s]+")) {
      if (!part.isBlank()) {
        urls.add(SecretUrl.parse(part));
      }
    }
    return List.copyOf(urls);
  }

  /** Several e-mail addresses, separated by commas (or spaces). */
  static List<String> addresses(String value) {
    List<String> addresses = new ArrayList<>();
    for (String part : value.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        addresses.add(SmtpUrl.address(part));
      }
    }
    return List.copyOf(addresses);
  }
}
