package com.feesmanager.automation.adapters.firestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Firestore (SPEC §7): a project and one way to authenticate, plus the cache and
 * deadline settings. {@link #fromEnvironment} reads the variables; a wrong or missing one is an
 * {@link IllegalArgumentException} whose message is one line naming it (never the key).
 */
public record FirestoreConfig(
    Optional<String> projectId,
    Credentials credentials,
    Duration cacheMaxAge,
    Duration ledgerMaxAge,
    Duration callTimeout,
    int pageSize) {

  public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofHours(1);
  public static final Duration DEFAULT_LEDGER_MAX_AGE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_PAGE_SIZE = 1000;

  public FirestoreConfig {
    Objects.requireNonNull(projectId, "'projectId' must not be null");
    Objects.requireNonNull(credentials, "'credentials' must not be null");
    Objects.requireNonNull(cacheMaxAge, "'cacheMaxAge' must not be null");
    Objects.requireNonNull(ledgerMaxAge, "'ledgerMaxAge' must not be null");
    Objects.requireNonNull(callTimeout, "'callTimeout' must not be null");
    if (cacheMaxAge.isNegative() || ledgerMaxAge.isNegative()) {
      throw new IllegalArgumentException("cache ages must not be negative");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("'callTimeout' must be > 0");
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("'pageSize' must be 1..10000: " + pageSize);
    }
    if (projectId.isEmpty() && !(credentials instanceof CredentialsFile)) {
      throw new IllegalArgumentException("FIREBASE_PROJECT_ID is required");
    }
  }

  /** A config for the emulator at {@code host} ({@code host:port}), with default settings. */
  public static FirestoreConfig emulator(String host, String projectId) {
    return new FirestoreConfig(
        Optional.of(projectId),
        new Emulator(host),
        DEFAULT_CACHE_MAX_AGE,
        DEFAULT_LEDGER_MAX_AGE,
        DEFAULT_CALL_TIMEOUT,
        DEFAULT_PAGE_SIZE);
  }

  public FirestoreConfig withCacheMaxAge(Duration value) {
    return new FirestoreConfig(projectId, credentials, value, ledgerMaxAge, callTimeout, pageSize);
  }

  public FirestoreConfig withCallTimeout(Duration value) {
    return new FirestoreConfig(projectId, credentials, cacheMaxAge, ledgerMaxAge, value, pageSize);
  }

  public FirestoreConfig withPageSize(int value) {
    return new FirestoreConfig(
        projectId, credentials, cacheMaxAge, ledgerMaxAge, callTimeout, value);
  }

  /** How the backend authenticates to Firestore. */
  public sealed interface Credentials permits ServiceAccount, CredentialsFile, Emulator {}

  /**
   * A service account given inline ({@code FIREBASE_CLIENT_EMAIL}, {@code FIREBASE_PRIVATE_KEY}, a
   * PKCS#8 PEM). Its {@code toString} hides the key.
   */
  public record ServiceAccount(String clientEmail, String privateKeyPem) implements Credentials {
    public ServiceAccount {
      Objects.requireNonNull(clientEmail, "'clientEmail' must not be null");
      Objects.requireNonNull(privateKeyPem, "'privateKeyPem' must not be null");
    }

    @Override
    public String toString() {
      return "ServiceAccount[clientEmail=" + clientEmail + ", privateKeyPem=(hidden)]";
    }
  }

  /** A service account key file ({@code GOOGLE_APPLICATION_CREDENTIALS}). */
  public record CredentialsFile(Path path) implements Credentials {
    public CredentialsFile {
      Objects.requireNonNull(path, "'path' must not be null");
    }
  }

  /** The Firestore emulator at {@code host:port} ({@code FIRESTORE_EMULATOR_HOST}); no real key. */
  public record Emulator(String host) implements Credentials {
    public Emulator {
      Objects.requireNonNull(host, "'host' must not be null");
      if (!host.matches("[^\\s:/]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "FIRESTORE_EMULATOR_HOST must be host:port, e.g. 127.0.0.1:8080, found \""
                + host
                + "\"");
      }
    }
  }

  /**
   * Reads {@code FIRESTORE_EMULATOR_HOST} (wins when set), else {@code FIREBASE_CLIENT_EMAIL} +
   * {@code FIREBASE_PRIVATE_KEY} (literal {@code \n} sequences, as {@code .env} files carry them,
   * become line breaks), else {@code GOOGLE_APPLICATION_CREDENTIALS}; plus {@code
   * FIREBASE_PROJECT_ID}, {@code FIRESTORE_CACHE_MAX_AGE} and {@code LEDGER_MAX_AGE} (ISO-8601
   * durations or plain milliseconds).
   */
  public static FirestoreConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "'env' must not be null");
    Optional<String> projectId = value(env, "FIREBASE_PROJECT_ID");
    Optional<String> emulatorHost = value(env, "FIRESTORE_EMULATOR_HOST");
    Optional<String> clientEmail = value(env, "FIREBASE_CLIENT_EMAIL");
    Optional<String> privateKey = value(env, "FIREBASE_PRIVATE_KEY");
    Optional<String> keyFile = value(env, "GOOGLE_APPLICATION_CREDENTIALS");
    Credentials credentials;
    if (emulatorHost.isPresent()) {
      if (projectId.isEmpty()) {
        throw new IllegalArgumentException(
            "FIREBASE_PROJECT_ID is required with FIRESTORE_EMULATOR_HOST (any id, e.g."
                + " demo-fees)");
      }
      credentials = new Emulator(emulatorHost.get());
    } else if (clientEmail.isPresent() || privateKey.isPresent()) {
      if (clientEmail.isEmpty()) {
        throw new IllegalArgumentException(
            "FIREBASE_CLIENT_EMAIL is required with FIREBASE_PRIVATE_KEY");
      }
      if (privateKey.isEmpty()) {
        throw new IllegalArgumentException(
            "FIREBASE_PRIVATE_KEY is required with FIREBASE_CLIENT_EMAIL");
      }
      if (projectId.isEmpty()) {
        throw new IllegalArgumentException(
            "FIREBASE_PROJECT_ID is required with FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY");
      }
      credentials = new ServiceAccount(clientEmail.get(), pem(privateKey.get()));
    } else if (keyFile.isPresent()) {
      Path path = Path.of(keyFile.get());
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException(
            "GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read: " + path);
      }
      credentials = new CredentialsFile(path);
    } else {
      throw new IllegalArgumentException(
          "Firestore is not configured: set FIREBASE_PROJECT_ID with FIREBASE_CLIENT_EMAIL and"
              + " FIREBASE_PRIVATE_KEY, or GOOGLE_APPLICATION_CREDENTIALS, or"
              + " FIRESTORE_EMULATOR_HOST");
    }
    return new FirestoreConfig(
        projectId,
        credentials,
        duration(env, "FIRESTORE_CACHE_MAX_AGE", DEFAULT_CACHE_MAX_AGE),
        duration(env, "LEDGER_MAX_AGE", DEFAULT_LEDGER_MAX_AGE),
        DEFAULT_CALL_TIMEOUT,
        DEFAULT_PAGE_SIZE);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    Optional<String> text = value(env, name);
    if (text.isEmpty()) {
      return fallback;
    }
    Duration parsed;
    try {
      parsed =
          text.get().chars().allMatch(Character::isDigit)
              ? Duration.ofMillis(Long.parseLong(text.get()))
              : Duration.parse(text.get());
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          name
              + " must be an ISO-8601 duration (PT1H) or milliseconds, found \""
              + text.get()
              + "\"",
          e);
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, found " + text.get());
    }
    return parsed;
  }

  /**
   * The key as PEM text: surrounding quotes dropped and literal {@code \n} turned into line breaks;
   * checked to be a PKCS#8 RSA private key, so a pasting mistake fails at start-up. The message
   * never quotes the key.
   */
  static String pem(String raw) {
    String text = raw.strip();
    if (text.length() >= 2
        && (text.startsWith("\"") && text.endsWith("\"")
            || text.startsWith("'") && text.endsWith("'"))) {
      text = text.substring(1, text.length() - 1);
    }
    text = text.replace("\\r", "").replace("\\n", "\n");
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "FIREBASE_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY----- …), as in"
              + " the service account JSON's private_key");
    }
    String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "FIREBASE_PRIVATE_KEY is not a readable PKCS#8 RSA private key (check that it was copied"
              + " whole)");
    }
    return begin + "\n" + body + "\n" + end + "\n";
  }
}
