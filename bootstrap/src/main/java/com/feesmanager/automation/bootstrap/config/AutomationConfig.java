package com.feesmanager.automation.bootstrap.config;

import com.feesmanager.automation.domain.delivery.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole process configuration of SPEC §7, validated; built by {@link ConfigLoader}. Its {@code
 * toString} (and that of every part) is safe to log: secrets print as {@code ****}.
 *
 * @param wppconnect the WhatsApp gateway
 * @param firebase Firestore credentials
 * @param redisUrl the queue and ledger store
 * @param scheduling when occurrences fire
 * @param limits per-session send caps and pacing
 * @param retry attempts and backoff
 * @param visibilityTimeout how long a claimed message stays invisible to other workers
 * @param dedupeRetention how long a message key blocks a duplicate
 * @param defaultCountryCode replaces the leading 0 of local phone numbers (digits, no '+')
 * @param alerting where alerts go besides the log (webhooks, e-mail); none: only the log
 * @param httpPort the health/metrics/webhook port; 0 disables the HTTP server
 * @param httpBind the address the HTTP server listens on
 * @param httpAccess the tokens of the operator console and of {@code /status} and {@code /metrics}
 * @param logLevel the root log level
 * @param logFile a file to log to besides the console; empty for the console only
 * @param logFormat the shape of each log line
 * @param tz the process time zone (accounts carry their own)
 * @param firestoreCacheMaxAge how long last-good Firestore data may stand in during an outage
 * @param ledgerMaxAge how old the balances checked just before a send may be
 */
public record AutomationConfig(
    WppConnect wppconnect,
    Firebase firebase,
    RedisUrl redisUrl,
    Scheduling scheduling,
    Limits limits,
    Retry retry,
    Duration visibilityTimeout,
    Duration dedupeRetention,
    String defaultCountryCode,
    Alerting alerting,
    int httpPort,
    String httpBind,
    HttpAccess httpAccess,
    LogLevel logLevel,
    Optional<Path> logFile,
    LogFormat logFormat,
    ZoneId tz,
    Duration firestoreCacheMaxAge,
    Duration ledgerMaxAge) {

  public AutomationConfig {
    Objects.requireNonNull(wppconnect, "'wppconnect' must not be null");
    Objects.requireNonNull(firebase, "'firebase' must not be null");
    Objects.requireNonNull(redisUrl, "'redisUrl' must not be null");
    Objects.requireNonNull(scheduling, "'scheduling' must not be null");
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(retry, "'retry' must not be null");
    requirePositive(visibilityTimeout, "visibilityTimeout");
    requirePositive(dedupeRetention, "dedupeRetention");
    Objects.requireNonNull(defaultCountryCode, "'defaultCountryCode' must not be null");
    Objects.requireNonNull(alerting, "'alerting' must not be null");
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("'httpPort' must be 0–65535: " + httpPort);
    }
    Objects.requireNonNull(httpBind, "'httpBind' must not be null");
    Objects.requireNonNull(httpAccess, "'httpAccess' must not be null");
    Objects.requireNonNull(logLevel, "'logLevel' must not be null");
    Objects.requireNonNull(logFile, "'logFile' must not be null");
    Objects.requireNonNull(logFormat, "'logFormat' must not be null");
    Objects.requireNonNull(tz, "'tz' must not be null");
    requirePositive(firestoreCacheMaxAge, "firestoreCacheMaxAge");
    requirePositive(ledgerMaxAge, "ledgerMaxAge");
  }

  /** Whether the HTTP server runs ({@code HTTP_PORT} is not 0). */
  public boolean httpEnabled() {
    return httpPort != 0;
  }

  /**
   * The wppconnect-server connection.
   *
   * @param serverUrl base URL, without a trailing slash
   * @param webhookSecret the path secret of the receipts webhook; empty disables the webhook
   * @param defaultSession the session used by accounts that name none
   * @param secretKey generates a token per session (used when {@code token} is empty)
   * @param token a ready bearer token
   * @param timeout the timeout of every call
   * @param healthInterval how often session health is checked
   * @param autoReconnect whether a closed session is restarted
   */
  public record WppConnect(
      URI serverUrl,
      Optional<Secret> webhookSecret,
      String defaultSession,
      Optional<Secret> secretKey,
      Optional<Secret> token,
      Duration timeout,
      Duration healthInterval,
      boolean autoReconnect) {

    public WppConnect {
      Objects.requireNonNull(serverUrl, "'serverUrl' must not be null");
      Objects.requireNonNull(webhookSecret, "'webhookSecret' must not be null");
      Objects.requireNonNull(defaultSession, "'defaultSession' must not be null");
      Objects.requireNonNull(secretKey, "'secretKey' must not be null");
      Objects.requireNonNull(token, "'token' must not be null");
      requirePositive(timeout, "timeout");
      requirePositive(healthInterval, "healthInterval");
    }
  }

  /**
   * Firestore access: the emulator, a service account given inline, or a key file.
   *
   * @param projectId the Google Cloud project
   * @param clientEmail the service account's e-mail (inline credentials)
   * @param privateKey the service account's PEM key, real newlines (inline credentials)
   * @param googleApplicationCredentials a service-account key file
   * @param emulatorHost {@code host:port} of the Firestore emulator
   */
  public record Firebase(
      Optional<String> projectId,
      Optional<String> clientEmail,
      Optional<Secret> privateKey,
      Optional<Path> googleApplicationCredentials,
      Optional<String> emulatorHost) {

    public Firebase {
      Objects.requireNonNull(projectId, "'projectId' must not be null");
      Objects.requireNonNull(clientEmail, "'clientEmail' must not be null");
      Objects.requireNonNull(privateKey, "'privateKey' must not be null");
      Objects.requireNonNull(
          googleApplicationCredentials, "'googleApplicationCredentials' must not be null");
      Objects.requireNonNull(emulatorHost, "'emulatorHost' must not be null");
    }

    /**
     * Which credentials to use, first match wins: the emulator (with a project id), the three
     * inline values, the key file; {@link FirestoreAccess#NONE} when none is complete.
     */
    public FirestoreAccess access() {
      if (emulatorHost.isPresent() && projectId.isPresent()) {
        return FirestoreAccess.EMULATOR;
      }
      if (projectId.isPresent() && clientEmail.isPresent() && privateKey.isPresent()) {
        return FirestoreAccess.INLINE_SERVICE_ACCOUNT;
      }
      if (googleApplicationCredentials.isPresent()) {
        return FirestoreAccess.KEY_FILE;
      }
      return FirestoreAccess.NONE;
    }
  }

  /** How the Firestore client authenticates, chosen by {@link Firebase#access()}. */
  public enum FirestoreAccess {
    /** {@code FIRESTORE_EMULATOR_HOST} + {@code FIREBASE_PROJECT_ID}, no credentials. */
    EMULATOR,
    /**
     * {@code FIREBASE_PROJECT_ID} + {@code FIREBASE_CLIENT_EMAIL} + {@code FIREBASE_PRIVATE_KEY}.
     */
    INLINE_SERVICE_ACCOUNT,
    /** {@code GOOGLE_APPLICATION_CREDENTIALS}, project from the file unless given. */
    KEY_FILE,
    /** Nothing usable: only the embedded commands can run. */
    NONE
  }

  /**
   * When the scheduler looks for due occurrences.
   *
   * @param checkInterval time between two checks (aligned to the minute)
   * @param misfireGrace how late a missed occurrence may still fire
   */
  public record Scheduling(Duration checkInterval, Duration misfireGrace) {

    public Scheduling {
      requirePositive(checkInterval, "checkInterval");
      requireNotNegative(misfireGrace, "misfireGrace");
    }
  }

  /**
   * Per-session send caps (SPEC §5) and the minimum gap between two sends.
   *
   * @param maxPerHour sends in any sliding 60 minutes
   * @param maxPerDay sends per local calendar day
   * @param minSendInterval least time between two sends of a session
   */
  public record Limits(int maxPerHour, int maxPerDay, Duration minSendInterval) {

    public Limits {
      if (maxPerHour < 1 || maxPerDay < 1) {
        throw new IllegalArgumentException("caps must be ≥ 1");
      }
      requireNotNegative(minSendInterval, "minSendInterval");
    }
  }

  /**
   * Retries (SPEC §4).
   *
   * @param maxAttempts attempts in all
   * @param baseDelay the first backoff, ×4 each time
   */
  public record Retry(int maxAttempts, Duration baseDelay) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("'maxAttempts' must be ≥ 1: " + maxAttempts);
      }
      requirePositive(baseDelay, "baseDelay");
    }

    /** The domain policy these values describe. */
    public RetryPolicy policy() {
      return new RetryPolicy(maxAttempts, baseDelay);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, "'" + name + "' must not be null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("'" + name + "' must be positive: " + duration);
    }
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, "'" + name + "' must not be null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("'" + name + "' must not be negative: " + duration);
    }
  }
}
