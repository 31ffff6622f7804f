package com.feesmanager.automation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.FirestoreAccess;
import com.feesmanager.automation.bootstrap.config.ConfigLoader.Mode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  // Distinctive secret values: no message or toString may ever contain "SEKRIT".
  private static final String TOKEN = "tok-SEKRIT-1";
  private static final String SECRET_KEY = "key-SEKRIT-2";
  private static final String WEBHOOK = "hook-SEKRIT-3-abcdefghij";
  private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-SEKRIT-4";
  private static final String PEM_ONE_LINE =
      "-----BEGIN PRIVATE KEY-----\\n" + PEM_BODY + "\\n-----END PRIVATE KEY-----\\n";
  private static final String ALERT_URL = "https://hooks.slack.com/services/T0/B0/SEKRIT-5";
  private static final String REDIS_WITH_PASSWORD =
      "rediss://:pw-SEKRIT-6@cache.example.com:6380/2";

  /** The least a server command needs: a token and the Firestore emulator. */
  private static final Map<String, String> SERVER_MINIMUM =
      Map.of(
          "WPPCONNECT_TOKEN", TOKEN,
          "FIRESTORE_EMULATOR_HOST", "localhost:8080",
          "FIREBASE_PROJECT_ID", "demo-fees");

  @TempDir Path dir;

  private static Map<String, String> serverWith(String... nameValuePairs) {
    Map<String, String> env = new HashMap<>(SERVER_MINIMUM);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      env.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return env;
  }

  private static AutomationConfig load(Map<String, String> env) {
    return ConfigLoader.load(env, Optional.empty());
  }

  private static List<String> problems(Map<String, String> env, Mode mode) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(env, Optional.empty(), mode));
    assertThat(e).as("a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  private static List<String> problems(Map<String, String> env) {
    return problems(env, Mode.SERVER);
  }

  @Test
  void every_variable_has_the_default_of_spec_section_7() {
    // when
    AutomationConfig config = ConfigLoader.load(Map.of(), Optional.empty(), Mode.EMBEDDED);

    // then
    var wpp = config.wppconnect();
    assertThat(wpp.serverUrl()).isEqualTo(URI.create("http://wppconnect-server:21465"));
    assertThat(wpp.webhookSecret()).isEmpty();
    assertThat(wpp.defaultSession()).isEqualTo("default");
    assertThat(wpp.secretKey()).isEmpty();
    assertThat(wpp.token()).isEmpty();
    assertThat(wpp.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(wpp.healthInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(wpp.autoReconnect()).isTrue();
    var firebase = config.firebase();
    assertThat(firebase.projectId()).isEmpty();
    assertThat(firebase.clientEmail()).isEmpty();
    assertThat(firebase.privateKey()).isEmpty();
    assertThat(firebase.googleApplicationCredentials()).isEmpty();
    assertThat(firebase.emulatorHost()).isEmpty();
    assertThat(firebase.access()).isEqualTo(FirestoreAccess.NONE);
    assertThat(config.redisUrl().reveal()).isEqualTo("redis://redis:6379");
    assertThat(config.redisUrl().host()).isEqualTo("redis");
    assertThat(config.redisUrl().port()).isEqualTo(6379);
    assertThat(config.scheduling().checkInterval()).isEqualTo(Duration.ofMillis(60000));
    assertThat(config.scheduling().misfireGrace()).isEqualTo(Duration.ofHours(6));
    assertThat(config.limits().maxPerHour()).isEqualTo(100);
    assertThat(config.limits().maxPerDay()).isEqualTo(1000);
    assertThat(config.limits().minSendInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.retry().maxAttempts()).isEqualTo(3);
    assertThat(config.retry().baseDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.dedupeRetention()).isEqualTo(Duration.ofDays(14));
    assertThat(config.defaultCountryCode()).isEqualTo("92");
    assertThat(config.alerting()).isEqualTo(Alerting.LOG_ONLY);
    assertThat(config.httpPort()).isEqualTo(8081);
    assertThat(config.httpEnabled()).isTrue();
    assertThat(config.httpBind()).isEqualTo("127.0.0.1");
    assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(config.logFile()).isEmpty();
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(config.tz()).isEqualTo(ZoneId.of("Asia/Karachi"));
    assertThat(config.firestoreCacheMaxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(config.ledgerMaxAge()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void every_variable_is_read_when_set() throws IOException {
    // given
    Path keyFile = Files.writeString(dir.resolve("key.json"), "{}");
    Map<String, String> env = new HashMap<>();
    env.put("WPPCONNECT_SERVER_URL", "https://wpp.example.com:8443/api/");
    env.put("WEBHOOK_SECRET", WEBHOOK);
    env.put("WPPCONNECT_SESSION_ID", "academy-1");
    env.put("WPPCONNECT_SECRET_KEY", SECRET_KEY);
    env.put("WPPCONNECT_TOKEN", TOKEN);
    env.put("WPP_TIMEOUT", "PT10S");
    env.put("WPP_HEALTH_INTERVAL", "60000");
    env.put("WPP_AUTO_RECONNECT", "FALSE");
    env.put("FIREBASE_PROJECT_ID", "fees-manager-1a2b");
    env.put("FIREBASE_CLIENT_EMAIL", "bot@fees-manager-1a2b.iam.gserviceaccount.com");
    env.put("FIREBASE_PRIVATE_KEY", PEM_ONE_LINE);
    env.put("GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString());
    env.put("FIRESTORE_EMULATOR_HOST", "[::1]:8080");
    env.put("REDIS_URL", REDIS_WITH_PASSWORD);
    env.put("AUTOMATION_CHECK_INTERVAL", "30000");
    env.put("AUTOMATION_MISFIRE_GRACE", "PT0S");
    env.put("MAX_MESSAGES_PER_HOUR", "20");
    env.put("MAX_MESSAGES_PER_DAY", "200");
    env.put("MIN_SEND_INTERVAL", "0");
    env.put("MAX_ATTEMPTS", "5");
    env.put("RETRY_BASE_DELAY", "pt1m");
    env.put("VISIBILITY_TIMEOUT", "PT5M");
    env.put("DEDUPE_RETENTION", "P30D");
    env.put("DEFAULT_COUNTRY_CODE", "+44");
    env.put("ALERT_WEBHOOK_URL", ALERT_URL);
    env.put("HTTP_PORT", "0");
    env.put("HTTP_BIND", "0.0.0.0");
    env.put("LOG_LEVEL", "debug");
    env.put("LOG_FILE", dir.resolve("automation.log").toString());
    env.put("LOG_FORMAT", "Json");
    env.put("TZ", "UTC");
    env.put("FIRESTORE_CACHE_MAX_AGE", "PT2H");
    env.put("LEDGER_MAX_AGE", "PT1M");

    // when
    AutomationConfig config = load(env);

    // then
    var wpp = config.wppconnect();
    assertThat(wpp.serverUrl()).isEqualTo(URI.create("https://wpp.example.com:8443/api"));
    assertThat(wpp.webhookSecret()).contains(Secret.of(WEBHOOK));
    assertThat(wpp.defaultSession()).isEqualTo("academy-1");
    assertThat(wpp.secretKey().orElseThrow().reveal()).isEqualTo(SECRET_KEY);
    assertThat(wpp.token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(wpp.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(wpp.healthInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(wpp.autoReconnect()).isFalse();
    var firebase = config.firebase();
    assertThat(firebase.projectId()).contains("fees-manager-1a2b");
    assertThat(firebase.clientEmail()).contains("bot@fees-manager-1a2b.iam.gserviceaccount.com");
    assertThat(firebase.privateKey().orElseThrow().reveal())
        .isEqualTo("-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "\n-----END PRIVATE KEY-----\n");
    assertThat(firebase.googleApplicationCredentials()).contains(keyFile);
    assertThat(firebase.emulatorHost()).contains("[::1]:8080");
    assertThat(firebase.access()).isEqualTo(FirestoreAccess.EMULATOR);
    assertThat(config.redisUrl().reveal()).isEqualTo(REDIS_WITH_PASSWORD);
    assertThat(config.redisUrl().tls()).isTrue();
    assertThat(config.redisUrl().host()).isEqualTo("cache.example.com");
    assertThat(config.redisUrl().port()).isEqualTo(6380);
    assertThat(config.redisUrl().database()).isEqualTo(2);
    assertThat(config.redisUrl().hasCredentials()).isTrue();
    assertThat(config.scheduling().checkInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.scheduling().misfireGrace()).isZero();
    assertThat(config.limits().maxPerHour()).isEqualTo(20);
    assertThat(config.limits().maxPerDay()).isEqualTo(200);
    assertThat(config.limits().minSendInterval()).isZero();
    assertThat(config.retry().maxAttempts()).isEqualTo(5);
    assertThat(config.retry().baseDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.retry().policy().maxAttempts()).isEqualTo(5);
    assertThat(config.visibilityTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.dedupeRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.defaultCountryCode()).isEqualTo("44");
    assertThat(config.alerting().webhooks())
        .extracting(SecretUrl::reveal)
        .containsExactly(URI.create(ALERT_URL));
    assertThat(config.httpPort()).isZero();
    assertThat(config.httpEnabled()).isFalse();
    assertThat(config.httpBind()).isEqualTo("0.0.0.0");
    assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(config.logFile()).contains(dir.resolve("automation.log"));
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(config.tz()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.firestoreCacheMaxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(config.ledgerMaxAge()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_misfire_grace_of_exactly_one_day_is_accepted() {
    // when
    AutomationConfig config = load(serverWith("AUTOMATION_MISFIRE_GRACE", "P1D"));

    // then
    assertThat(config.scheduling().misfireGrace()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void blank_values_count_as_unset_and_values_are_trimmed() {
    // when
    AutomationConfig config =
        load(serverWith("MAX_ATTEMPTS", "  ", "TZ", " UTC ", "WEBHOOK_SECRET", ""));

    // then
    assertThat(config.retry().maxAttempts()).isEqualTo(3);
    assertThat(config.tz()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.wppconnect().webhookSecret()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          MAX_ATTEMPTS              | three          | MAX_ATTEMPTS: must be a whole number ≥ 1, got "three"
          MAX_ATTEMPTS              | 0              | MAX_ATTEMPTS: must be a whole number ≥ 1, got "0"
          MAX_MESSAGES_PER_HOUR     | -1             | MAX_MESSAGES_PER_HOUR: must be a whole number ≥ 1, got "-1"
          MAX_MESSAGES_PER_DAY      | 1.5            | MAX_MESSAGES_PER_DAY: must be a whole number ≥ 1, got "1.5"
          MAX_MESSAGES_PER_DAY      | 99999999999    | MAX_MESSAGES_PER_DAY: must be a whole number ≥ 1, got "99999999999"
          HTTP_PORT                 | 70000          | HTTP_PORT: must be a whole number from 0 to 65535, got "70000"
          RETRY_BASE_DELAY          | 30s            | RETRY_BASE_DELAY: must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000, got "30s"
          RETRY_BASE_DELAY          | 0              | RETRY_BASE_DELAY: must be longer than zero, got "0"
          AUTOMATION_CHECK_INTERVAL | 500            | AUTOMATION_CHECK_INTERVAL: must be at least PT1S, got "500"
          AUTOMATION_MISFIRE_GRACE  | -PT1H          | AUTOMATION_MISFIRE_GRACE: must not be negative, got "-PT1H"
          AUTOMATION_MISFIRE_GRACE  | P2D            | AUTOMATION_MISFIRE_GRACE: must be at most P1D (one day), got "P2D"
          AUTOMATION_MISFIRE_GRACE  | 86400001       | AUTOMATION_MISFIRE_GRACE: must be at most P1D (one day), got "86400001"
          MIN_SEND_INTERVAL         | soon           | MIN_SEND_INTERVAL: must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000, got "soon"
          VISIBILITY_TIMEOUT        | PT10S          | VISIBILITY_TIMEOUT: must be longer than WPP_TIMEOUT (PT30S), got "PT10S": a send still in progress would be handed to another worker
          DEDUPE_RETENTION          | 14 days        | DEDUPE_RETENTION: must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000, got "14 days"
          WPP_TIMEOUT               | PT0.5S         | WPP_TIMEOUT: must be at least PT1S, got "PT0.5S"
          WPP_HEALTH_INTERVAL       | P1M            | WPP_HEALTH_INTERVAL: must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000, got "P1M"
          FIRESTORE_CACHE_MAX_AGE   | PT0S           | FIRESTORE_CACHE_MAX_AGE: must be longer than zero, got "PT0S"
          LEDGER_MAX_AGE            | -1             | LEDGER_MAX_AGE: must be a duration: ISO-8601 such as PT30S or P14D, or milliseconds such as 30000, got "-1"
          WPP_AUTO_RECONNECT        | maybe          | WPP_AUTO_RECONNECT: must be true or false, got "maybe"
          WPPCONNECT_SERVER_URL     | wppconnect:21465 | WPPCONNECT_SERVER_URL: must be an http:// or https:// URL such as http://wppconnect-server:21465, got "wppconnect:21465"
          WPPCONNECT_SESSION_ID     | my session     | WPPCONNECT_SESSION_ID: must be 1 to 64 characters of A-Z a-z 0-9 _ -, got "my session"
          REDIS_URL                 | localhost:6379 | REDIS_URL: must be redis://[[user]:password@]host[:port][/database] or rediss://… (TLS), got "localhost:6379"
          REDIS_URL                 | redis://redis:99999 | REDIS_URL: must be redis://[[user]:password@]host[:port][/database] or rediss://… (TLS), got "redis://redis:99999"
          REDIS_URL                 | redis://redis/db1 | REDIS_URL: must be redis://[[user]:password@]host[:port][/database] or rediss://… (TLS), got "redis://redis/db1"
          DEFAULT_COUNTRY_CODE      | 092            | DEFAULT_COUNTRY_CODE: must be 1 to 4 digits not starting with 0 (92 for Pakistan), got "092"
          HTTP_BIND                 | not an address! | HTTP_BIND: must be an address or host name to listen on, such as 127.0.0.1, 0.0.0.0 or ::, got "not an address!"
          LOG_LEVEL                 | verbose        | LOG_LEVEL: must be one of TRACE, DEBUG, INFO, WARN, ERROR, got "verbose"
          LOG_FORMAT                | logfmt         | LOG_FORMAT: must be text or json, got "logfmt"
          TZ                        | Mars/Olympus   | TZ: must be a time-zone id such as Asia/Karachi or UTC, got "Mars/Olympus"
          FIRESTORE_EMULATOR_HOST   | localhost      | FIRESTORE_EMULATOR_HOST: must be host:port such as localhost:8080, got "localhost"
          FIREBASE_PROJECT_ID       | my project     | FIREBASE_PROJECT_ID: must be a Google Cloud project id such as fees-manager-1a2b, got "my project"
          FIREBASE_CLIENT_EMAIL     | not-an-email   | FIREBASE_CLIENT_EMAIL: must be a service-account e-mail such as name@project.iam.gserviceaccount.com, got "not-an-email"
          """)
  void a_bad_value_gives_one_line_naming_the_variable(String name, String value, String line) {
    assertThat(problems(serverWith(name, value))).containsExactly(line);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          WEBHOOK_SECRET        | short-SEKRIT  | WEBHOOK_SECRET: must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (it is a URL path segment); the value is not shown
          WEBHOOK_SECRET        | has/a/slash-SEKRIT-long | WEBHOOK_SECRET: must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (it is a URL path segment); the value is not shown
          WPPCONNECT_TOKEN      | two SEKRIT words | WPPCONNECT_TOKEN: must not contain spaces or line breaks; the value is not shown
          WPPCONNECT_SECRET_KEY | two SEKRIT words | WPPCONNECT_SECRET_KEY: must not contain spaces or line breaks; the value is not shown
          FIREBASE_PRIVATE_KEY  | SEKRIT-not-a-pem | FIREBASE_PRIVATE_KEY: must be a PEM private key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----, line breaks as real newlines or \\n); the value is not shown
          ALERT_WEBHOOK_URL     | hooks.slack.com/SEKRIT | ALERT_WEBHOOK_URL: must be an http:// or https:// URL (the value is not shown: webhook URLs carry a token)
          CONSOLE_TOKEN         | SEKRIT-short  | CONSOLE_TOKEN: must be 16 to 256 characters without spaces or line breaks; the value is not shown
          METRICS_TOKEN         | two SEKRIT words here | METRICS_TOKEN: must be 16 to 256 characters without spaces or line breaks; the value is not shown
          """)
  void a_bad_secret_is_named_but_never_shown(String name, String value, String line) {
    // when
    List<String> problems = problems(serverWith(name, value));

    // then
    assertThat(problems).containsExactly(line);
    assertThat(String.join("\n", problems)).doesNotContain("SEKRIT");
  }

  @Test
  void the_console_and_metrics_tokens_are_read_and_never_shown() {
    // when
    AutomationConfig config =
        load(
            serverWith(
                "CONSOLE_TOKEN", "console-SEKRIT-token-1", "METRICS_TOKEN", "metrics-SEKRIT-tok"));

    // then
    assertThat(config.httpAccess().consoleToken().map(Secret::reveal))
        .hasValue("console-SEKRIT-token-1");
    assertThat(config.httpAccess().metricsToken().map(Secret::reveal))
        .hasValue("metrics-SEKRIT-tok");
    assertThat(config.toString()).doesNotContain("SEKRIT");
  }

  @Test
  void without_a_console_token_there_is_none() {
    assertThat(load(serverWith()).httpAccess().consoleToken()).isEmpty();
  }

  @Test
  void a_bad_redis_url_is_shown_without_its_password() {
    // when
    List<String> problems =
        problems(serverWith("REDIS_URL", "redis://user:p@ss-SEKRIT@redis:port"));

    // then
    assertThat(problems)
        .containsExactly(
            "REDIS_URL: must be redis://[[user]:password@]host[:port][/database] or rediss://… (TLS),"
                + " got \"redis://****@redis:port\"");
  }

  @Test
  void a_wppconnect_url_with_a_password_is_refused_without_showing_it() {
    assertThat(problems(serverWith("WPPCONNECT_SERVER_URL", "http://admin:pw-SEKRIT@wpp:21465")))
        .containsExactly(
            "WPPCONNECT_SERVER_URL: must not carry a user or password (authentication is"
                + " WPPCONNECT_TOKEN or WPPCONNECT_SECRET_KEY), got \"http://****@wpp:21465\"");
  }

  @Test
  void a_shown_value_stays_on_one_line_and_short() {
    // when
    List<String> problems = problems(serverWith("TZ", "Asia/\nKarachi" + "x".repeat(200)));

    // then
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).doesNotContain("\n").contains("Asia/?Karachi").endsWith("…\"");
  }

  @Test
  void every_problem_is_reported_at_once_in_the_documented_order() {
    // given
    Map<String, String> env = new HashMap<>();
    env.put("MAX_ATTEMPTS", "three");
    env.put("WPP_TIMEOUT", "soon");
    env.put("HTTP_PORT", "-1");
    env.put("TZ", "Nowhere");
    env.put("FIREBASE_PRIVATE_KEY", "SEKRIT");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(env));

    // then
    assertThat(e.problems())
        .extracting(ConfigProblem::subject)
        .containsExactly(
            "WPP_TIMEOUT",
            "FIREBASE_PRIVATE_KEY",
            "MAX_ATTEMPTS",
            "HTTP_PORT",
            "TZ",
            "WPPCONNECT_TOKEN",
            "FIREBASE_PROJECT_ID",
            "FIREBASE_CLIENT_EMAIL");
    assertThat(e.getMessage())
        .startsWith("invalid configuration (8 problems):\n  WPP_TIMEOUT: ")
        .doesNotContain("SEKRIT");
  }

  @Test
  void a_server_command_needs_a_wppconnect_token_or_secret_key() {
    // given
    Map<String, String> env = new HashMap<>(SERVER_MINIMUM);
    env.remove("WPPCONNECT_TOKEN");

    // then
    assertThat(problems(env))
        .containsExactly(
            "WPPCONNECT_TOKEN: not set, and neither is WPPCONNECT_SECRET_KEY: set one of them so"
                + " the daemon can authenticate to wppconnect-server");
    env.put("WPPCONNECT_SECRET_KEY", SECRET_KEY);
    assertThat(load(env).wppconnect().secretKey()).isPresent();
  }

  @Test
  void a_server_command_needs_firestore_credentials() {
    assertThat(problems(Map.of("WPPCONNECT_TOKEN", TOKEN)))
        .containsExactly(
            "Firestore credentials: none set: set GOOGLE_APPLICATION_CREDENTIALS (a service-account"
                + " key file), or FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY,"
                + " or FIRESTORE_EMULATOR_HOST and FIREBASE_PROJECT_ID");
  }

  @Test
  void the_emulator_needs_a_project_id() {
    assertThat(
            problems(
                Map.of("WPPCONNECT_TOKEN", TOKEN, "FIRESTORE_EMULATOR_HOST", "localhost:8080")))
        .containsExactly("FIREBASE_PROJECT_ID: required with FIRESTORE_EMULATOR_HOST");
  }

  @Test
  void inline_credentials_name_each_missing_part() {
    assertThat(problems(Map.of("WPPCONNECT_TOKEN", TOKEN, "FIREBASE_PROJECT_ID", "fees-1")))
        .containsExactly(
            "FIREBASE_CLIENT_EMAIL: required with FIREBASE_PROJECT_ID (or set"
                + " GOOGLE_APPLICATION_CREDENTIALS to a key file instead)",
            "FIREBASE_PRIVATE_KEY: required with FIREBASE_PROJECT_ID (or set"
                + " GOOGLE_APPLICATION_CREDENTIALS to a key file instead)");
  }

  @Test
  void complete_inline_credentials_are_used_with_real_newlines_in_the_key() {
    // when
    AutomationConfig config =
        load(
            Map.of(
                "WPPCONNECT_TOKEN",
                TOKEN,
                "FIREBASE_PROJECT_ID",
                "fees-1",
                "FIREBASE_CLIENT_EMAIL",
                "bot@fees-1.iam.gserviceaccount.com",
                "FIREBASE_PRIVATE_KEY",
                "\"" + PEM_ONE_LINE + "\""));

    // then
    assertThat(config.firebase().access()).isEqualTo(FirestoreAccess.INLINE_SERVICE_ACCOUNT);
    assertThat(config.firebase().privateKey().orElseThrow().reveal())
        .startsWith("-----BEGIN PRIVATE KEY-----\nMII")
        .doesNotContain("\\n")
        .doesNotContain("\"");
  }

  @Test
  void a_key_file_must_exist_and_be_readable() throws IOException {
    // given
    Path missing = dir.resolve("missing.json");
    Path present = Files.writeString(dir.resolve("key.json"), "{}");

    // then
    assertThat(
            problems(
                Map.of(
                    "WPPCONNECT_TOKEN",
                    TOKEN,
                    "GOOGLE_APPLICATION_CREDENTIALS",
                    missing.toString())))
        .containsExactly("GOOGLE_APPLICATION_CREDENTIALS: no readable file at \"" + missing + "\"");
    assertThat(
            problems(
                Map.of(
                    "WPPCONNECT_TOKEN", TOKEN, "GOOGLE_APPLICATION_CREDENTIALS", dir.toString())))
        .hasSize(1);
    AutomationConfig config =
        load(
            Map.of(
                "WPPCONNECT_TOKEN", TOKEN, "GOOGLE_APPLICATION_CREDENTIALS", present.toString()));
    assertThat(config.firebase().access()).isEqualTo(FirestoreAccess.KEY_FILE);
  }

  @Test
  void the_embedded_mode_requires_no_credentials_but_still_checks_values() {
    // given
    Map<String, String> env =
        Map.of("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("missing.json").toString());

    // then
    assertThat(ConfigLoader.load(env, Optional.empty(), Mode.EMBEDDED).firebase().access())
        .isEqualTo(FirestoreAccess.KEY_FILE);
    assertThat(problems(Map.of("MAX_ATTEMPTS", "x"), Mode.EMBEDDED))
        .containsExactly("MAX_ATTEMPTS: must be a whole number ≥ 1, got \"x\"");
  }

  @Test
  void a_log_file_must_not_be_a_directory() {
    assertThat(problems(serverWith("LOG_FILE", dir.toString())))
        .containsExactly("LOG_FILE: must be a file path, not a directory, got \"" + dir + "\"");
  }

  @Test
  void the_environment_wins_over_the_dot_env_file_which_fills_the_rest() throws IOException {
    // given
    Path dotEnv =
        Files.writeString(
            dir.resolve(".env"),
            """
            # written by scripts/setup.sh
            export WPPCONNECT_TOKEN='file-SEKRIT'
            FIRESTORE_EMULATOR_HOST=localhost:8080
            FIREBASE_PROJECT_ID=demo-from-file
            MAX_ATTEMPTS=7  # more patience
            TZ=UTC
            LOG_LEVEL=debug
            LOG_FORMAT=json
            FIREBASE_CLIENT_EMAIL=bot@demo.iam.gserviceaccount.com
            FIREBASE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\nABC\\n-----END PRIVATE KEY-----\\n"
            """,
            StandardCharsets.UTF_8);
    Map<String, String> env = Map.of("MAX_ATTEMPTS", "4", "TZ", "", "WPPCONNECT_TOKEN", TOKEN);

    // when
    AutomationConfig config = ConfigLoader.load(env, Optional.of(dotEnv));

    // then
    assertThat(config.retry().maxAttempts()).isEqualTo(4);
    assertThat(config.wppconnect().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(config.tz())
        .as("an empty environment value wins and means unset")
        .isEqualTo(ZoneId.of("Asia/Karachi"));
    assertThat(config.firebase().projectId()).contains("demo-from-file");
    assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(config.logFormat()).as("LOG_FORMAT from .env").isEqualTo(LogFormat.JSON);
    assertThat(config.firebase().privateKey().orElseThrow().reveal())
        .as("real newlines from the double-quoted value; surrounding whitespace trimmed")
        .isEqualTo("-----BEGIN PRIVATE KEY-----\nABC\n-----END PRIVATE KEY-----");
  }

  @Test
  void a_missing_dot_env_file_is_no_file() {
    assertThat(ConfigLoader.load(SERVER_MINIMUM, Optional.of(dir.resolve(".env"))).tz())
        .isEqualTo(ZoneId.of("Asia/Karachi"));
  }

  @Test
  void dot_env_syntax_errors_are_reported_with_the_value_problems() throws IOException {
    // given
    Path dotEnv =
        Files.writeString(dir.resolve(".env"), "MAX_ATTEMPTS=none\nthis line SEKRIT is wrong\n");

    // when
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(SERVER_MINIMUM, Optional.of(dotEnv)));

    // then
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            dotEnv + " line 2: expected NAME=value (the line is not shown: it may hold a secret)",
            "MAX_ATTEMPTS: must be a whole number ≥ 1, got \"none\"");
    assertThat(e.getMessage()).doesNotContain("SEKRIT");
  }

  @Test
  void secrets_never_appear_in_to_string() {
    // given
    Map<String, String> env = new HashMap<>();
    env.put("WEBHOOK_SECRET", WEBHOOK);
    env.put("WPPCONNECT_SECRET_KEY", SECRET_KEY);
    env.put("WPPCONNECT_TOKEN", TOKEN);
    env.put("FIREBASE_PROJECT_ID", "fees-1");
    env.put("FIREBASE_CLIENT_EMAIL", "bot@fees-1.iam.gserviceaccount.com");
    env.put("FIREBASE_PRIVATE_KEY", PEM_ONE_LINE);
    env.put("ALERT_WEBHOOK_URL", ALERT_URL);
    env.put("REDIS_URL", REDIS_WITH_PASSWORD);

    // when
    AutomationConfig config = load(env);

    // then
    assertThat(config.toString())
        .doesNotContain("SEKRIT")
        .contains("rediss://****@cache.example.com:6380/2")
        .contains("https://hooks.slack.com/****")
        .contains("token=Optional[****]");
    assertThat(config.firebase().toString()).doesNotContain("BEGIN");
  }

  @Test
  void a_config_exception_needs_a_problem() {
    assertThatThrownBy(() -> new ConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_env_example_reads_cleanly_and_asks_only_for_credentials() {
    // given: a fresh copy, as scripts/setup.sh makes it before the secrets are generated
    Optional<Path> example = Optional.of(Path.of("../.env.example"));

    // then
    assertThat(ConfigLoader.load(Map.of(), example, Mode.EMBEDDED))
        .isEqualTo(ConfigLoader.load(Map.of(), Optional.empty(), Mode.EMBEDDED));
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Map.of(), example));
    assertThat(e.problems())
        .extracting(ConfigProblem::subject)
        .containsExactly("WPPCONNECT_TOKEN", "Firestore credentials");
  }

  @Test
  void the_docs_and_the_env_example_cover_every_variable() throws IOException {
    // given: the module's tests run in bootstrap/
    String docs = Files.readString(Path.of("../docs/configuration.md"));
    String example = Files.readString(Path.of("../.env.example"));

    // then
    for (String name : ConfigVariables.VARIABLES) {
      assertThat(docs).as("docs/configuration.md").contains("`" + name + "`");
      assertThat(example).as(".env.example").containsPattern("(?m)^#? ?" + name + "=");
    }
  }
}
