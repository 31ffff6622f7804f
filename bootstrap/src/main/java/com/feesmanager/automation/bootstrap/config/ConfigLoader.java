package com.feesmanager.automation.bootstrap.config;

import static com.feesmanager.automation.bootstrap.config.ConfigVariables.*;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Limits;
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
      Alerting alerting = ConfigSections.alerting(v);
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
          new HttpAccess(consoleToken, metricsToken),
          logLevel,
          logFile,
          logFormat,
          tz,
          firestoreCacheMaxAge,
          ledgerMaxAge);
    }
  }
}
