package com.feesmanager.automation.adapters.firestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Firestore (SPEC §7): a project and one way to authenticate, plus the cache and
 * deadline settings. The runner builds it from its own configuration (which reads the environment
 * and {@code .env}); a value this record cannot accept is an {@link IllegalArgumentException} whose
 * message is one line naming the setting (never the key).
 */
public record FirestoreConfig(
    Optional<String> projectId,
    Credentials credentials,
    Duration cacheMaxAge,
    Duration ledgerMaxAge,
    Duration callTimeout) {

  public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofHours(1);
  public static final Duration DEFAULT_LEDGER_MAX_AGE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

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
        DEFAULT_CALL_TIMEOUT);
  }

  public FirestoreConfig withCacheMaxAge(Duration value) {
    return new FirestoreConfig(projectId, credentials, value, ledgerMaxAge, callTimeout);
  }

  public FirestoreConfig withCallTimeout(Duration value) {
    return new FirestoreConfig(projectId, credentials, cacheMaxAge, ledgerMaxAge, value);
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
}
