package com.feesmanager.automation.bootstrap.config;

import static com.feesmanager.automation.bootstrap.config.ConfigVariables.ALERT_EMAIL_TO;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.ALERT_WEBHOOK_URL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_CLIENT_EMAIL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_PRIVATE_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_PROJECT_ID;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIRESTORE_EMULATOR_HOST;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.GOOGLE_APPLICATION_CREDENTIALS;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.SMTP_URL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WEBHOOK_SECRET;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_SECRET_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_SERVER_URL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_SESSION_ID;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_TOKEN;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPP_AUTO_RECONNECT;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPP_HEALTH_INTERVAL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPP_TIMEOUT;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.WppConnect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * {@code ALERT_WEBHOOK_URL} (one or more, comma-separated), {@code ALERT_EMAIL_TO} (one or more
   * addresses) and {@code SMTP_URL}: the two e-mail variables go together.
   */
  static Alerting alerting(ConfigValues v) {
    List<SecretUrl> webhooks =
        v.optional(ALERT_WEBHOOK_URL, ConfigSections::webhookUrls, ConfigValues.Shown.NEVER)
            .orElse(List.of());
    List<String> emailTo =
        v.optional(ALERT_EMAIL_TO, ConfigSections::addresses, ConfigValues.Shown.VALUE)
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
