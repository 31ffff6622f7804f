package com.feesmanager.automation.bootstrap.config;

import java.time.Duration;
import java.util.List;

/**
 * The names of the variables of SPEC §7 (and the few §8 and issues add), read by {@link
 * ConfigLoader}.
 */
public final class ConfigVariables {

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

  private ConfigVariables() {}
}
