package com.feesmanager.automation.bootstrap.config;

import static com.feesmanager.automation.bootstrap.config.ConfigLoader.FIREBASE_CLIENT_EMAIL;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.FIREBASE_PRIVATE_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.FIREBASE_PROJECT_ID;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.FIRESTORE_EMULATOR_HOST;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.GOOGLE_APPLICATION_CREDENTIALS;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WEBHOOK_SECRET;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPPCONNECT_SECRET_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPPCONNECT_SERVER_URL;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPPCONNECT_SESSION_ID;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPPCONNECT_TOKEN;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPP_AUTO_RECONNECT;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPP_HEALTH_INTERVAL;
import static com.feesmanager.automation.bootstrap.config.ConfigLoader.WPP_TIMEOUT;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.WppConnect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The typed sections with several variables each, read in the order their problems are listed. */
final class ConfigSections {

  private ConfigSections() {}

  /** {@code WPPCONNECT_*}, {@code WEBHOOK_SECRET}, {@code WPP_*}. */
  static WppConnect wppConnect(ConfigValues v) {
    URI serverUrl =
        v.optional(
                WPPCONNECT_SERVER_URL,
                ValueParsers::serverUrl,
                ConfigValues.Shown.WITHOUT_CREDENTIALS)
            .orElse(URI.create("http://wppconnect-server:21465"));
    Optional<Secret> webhookSecret =
        v.optional(WEBHOOK_SECRET, ValueParsers::urlSafeSecret, ConfigValues.Shown.NEVER);
    String session =
        v.optional(WPPCONNECT_SESSION_ID, ValueParsers::sessionId, ConfigValues.Shown.VALUE)
            .orElse("default");
    Optional<Secret> secretKey =
        v.optional(WPPCONNECT_SECRET_KEY, ValueParsers::headerSecret, ConfigValues.Shown.NEVER);
    Optional<Secret> token =
        v.optional(WPPCONNECT_TOKEN, ValueParsers::headerSecret, ConfigValues.Shown.NEVER);
    Duration wppTimeout = v.duration(WPP_TIMEOUT, Duration.ofSeconds(30), Duration.ofSeconds(1));
    Duration healthInterval =
        v.duration(WPP_HEALTH_INTERVAL, Duration.ofMinutes(5), Duration.ofSeconds(1));
    boolean autoReconnect =
        v.optional(WPP_AUTO_RECONNECT, ValueParsers::bool, ConfigValues.Shown.VALUE).orElse(true);
    return new WppConnect(
        serverUrl,
        webhookSecret,
        session,
        secretKey,
        token,
        wppTimeout,
        healthInterval,
        autoReconnect);
  }

  /**
   * {@code FIREBASE_*}, {@code GOOGLE_APPLICATION_CREDENTIALS}, {@code FIRESTORE_EMULATOR_HOST}.
   */
  static Firebase firebase(ConfigValues v) {
    Optional<String> projectId =
        v.optional(FIREBASE_PROJECT_ID, ValueParsers::projectId, ConfigValues.Shown.VALUE);
    Optional<String> clientEmail =
        v.optional(FIREBASE_CLIENT_EMAIL, ValueParsers::clientEmail, ConfigValues.Shown.VALUE);
    Optional<Secret> privateKey =
        v.optional(FIREBASE_PRIVATE_KEY, ValueParsers::privateKey, ConfigValues.Shown.NEVER);
    Optional<Path> keyFile =
        v.optional(GOOGLE_APPLICATION_CREDENTIALS, ValueParsers::path, ConfigValues.Shown.VALUE);
    Optional<String> emulatorHost =
        v.optional(FIRESTORE_EMULATOR_HOST, ValueParsers::hostAndPort, ConfigValues.Shown.VALUE);
    return new Firebase(projectId, clientEmail, privateKey, keyFile, emulatorHost);
  }
}
