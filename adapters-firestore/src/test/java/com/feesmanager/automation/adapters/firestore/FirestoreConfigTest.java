package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.document.AccountDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Firestore settings as the runner hands them over (SPEC §7; reading the environment is the
 * runner's ConfigLoader's job), and what opening a connection makes of them.
 */
class FirestoreConfigTest {

  private static final String EMAIL = "automation@fees-manager.iam.gserviceaccount.com";

  private static String pem;

  @BeforeAll
  static void aKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** A config with the default settings and {@code credentials}. */
  private static FirestoreConfig config(
      Optional<String> projectId, FirestoreConfig.Credentials credentials) {
    return new FirestoreConfig(
        projectId,
        credentials,
        FirestoreConfig.DEFAULT_CACHE_MAX_AGE,
        FirestoreConfig.DEFAULT_LEDGER_MAX_AGE,
        FirestoreConfig.DEFAULT_CALL_TIMEOUT);
  }

  private static FirestoreConfig serviceAccount(String key) {
    return config(Optional.of("fees-manager"), new FirestoreConfig.ServiceAccount(EMAIL, key));
  }

  @Test
  void aServiceAccount_neverShowsItsKey() {
    FirestoreConfig config = serviceAccount(pem);

    assertThat(config.toString()).doesNotContain(body(pem)).contains("(hidden)").contains(EMAIL);
  }

  @Test
  void aServiceAccountConnection_opensWithThatKey() {
    try (FirestoreConnection connection =
        FirestoreConnection.open(serviceAccount(pem), AccountDefaults.SPEC, Clock.systemUTC())) {
      assertThat(connection.pendingWrites()).isZero();
    }
  }

  @Test
  void aBrokenKey_failsAtOpenWithOneLine_thatNeverQuotesTheKey() {
    String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----";
    for (String key : new String[] {truncated, "not a key at all"}) {
      assertThatThrownBy(
              () ->
                  FirestoreConnection.open(
                      serviceAccount(key), AccountDefaults.SPEC, Clock.systemUTC()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("FIREBASE_PRIVATE_KEY ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(key))
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
  }

  @Test
  void aProject_isRequired_unlessAKeyFileNamesIt(@TempDir Path dir) {
    assertThatThrownBy(
            () -> config(Optional.empty(), new FirestoreConfig.ServiceAccount(EMAIL, pem)))
        .hasMessage("FIREBASE_PROJECT_ID is required");
    assertThatThrownBy(
            () -> config(Optional.empty(), new FirestoreConfig.Emulator("127.0.0.1:8080")))
        .hasMessage("FIREBASE_PROJECT_ID is required");
    assertThat(
            config(Optional.empty(), new FirestoreConfig.CredentialsFile(dir.resolve("key.json")))
                .projectId())
        .isEmpty();
  }

  @Test
  void anEmulatorHost_mustBeHostAndPort() {
    assertThatThrownBy(() -> new FirestoreConfig.Emulator("localhost"))
        .hasMessageStartingWith("FIRESTORE_EMULATOR_HOST must be host:port");
    assertThat(FirestoreConfig.emulator("127.0.0.1:8080", "demo-fees").credentials())
        .isEqualTo(new FirestoreConfig.Emulator("127.0.0.1:8080"));
  }

  @Test
  void aKeyFile_thatIsNotAServiceAccountKey_failsAtOpenWithOneLine(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("key.json"), "{\"type\": \"nonsense\"}");
    FirestoreConfig config = config(Optional.empty(), new FirestoreConfig.CredentialsFile(file));
    assertThatThrownBy(
            () -> FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("GOOGLE_APPLICATION_CREDENTIALS is not a readable service account");
  }

  private static String body(String key) {
    return key.replace("-----BEGIN PRIVATE KEY-----", "")
        .replace("-----END PRIVATE KEY-----", "")
        .replace("\n", "")
        .substring(0, 40);
  }
}
