package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.document.AccountDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the Firestore settings from the environment (SPEC §7). */
class FirestoreConfigTest {

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

  @Test
  void serviceAccount_withTheKeyAsADotEnvLine_literalBackslashN_andQuotes() {
    // given the key as a .env file carries it: one line, quoted, with literal \n
    String dotEnv = "\"" + pem.replace("\n", "\\n") + "\"";

    // when
    FirestoreConfig config =
        FirestoreConfig.fromEnvironment(
            Map.of(
                "FIREBASE_PROJECT_ID", "fees-manager",
                "FIREBASE_CLIENT_EMAIL", "automation@fees-manager.iam.gserviceaccount.com",
                "FIREBASE_PRIVATE_KEY", dotEnv));

    // then
    assertThat(config.projectId()).contains("fees-manager");
    assertThat(config.credentials())
        .isEqualTo(
            new FirestoreConfig.ServiceAccount(
                "automation@fees-manager.iam.gserviceaccount.com", FirestoreConfig.pem(pem)));
    assertThat(config.toString()).doesNotContain(body(pem)).contains("(hidden)");
    assertThat(config.cacheMaxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(config.ledgerMaxAge()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aServiceAccountConnection_opensWithThatKey() {
    FirestoreConfig config =
        FirestoreConfig.fromEnvironment(
            Map.of(
                "FIREBASE_PROJECT_ID", "fees-manager",
                "FIREBASE_CLIENT_EMAIL", "automation@fees-manager.iam.gserviceaccount.com",
                "FIREBASE_PRIVATE_KEY", pem));
    try (FirestoreConnection connection =
        FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC())) {
      assertThat(connection.pendingWrites()).isZero();
    }
  }

  @Test
  void aBrokenKey_failsWithOneLine_thatNeverQuotesTheKey() {
    String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----";
    for (String key : new String[] {truncated, "not a key at all"}) {
      assertThatThrownBy(
              () ->
                  FirestoreConfig.fromEnvironment(
                      Map.of(
                          "FIREBASE_PROJECT_ID", "p",
                          "FIREBASE_CLIENT_EMAIL", "a@b.c",
                          "FIREBASE_PRIVATE_KEY", key)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("FIREBASE_PRIVATE_KEY ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(key))
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
  }

  @Test
  void missingOrPartialSettings_nameWhatIsMissing() {
    assertThatThrownBy(() -> FirestoreConfig.fromEnvironment(Map.of()))
        .hasMessageStartingWith("Firestore is not configured");
    assertThatThrownBy(() -> FirestoreConfig.fromEnvironment(Map.of("FIREBASE_PRIVATE_KEY", pem)))
        .hasMessage("FIREBASE_CLIENT_EMAIL is required with FIREBASE_PRIVATE_KEY");
    assertThatThrownBy(
            () ->
                FirestoreConfig.fromEnvironment(
                    Map.of("FIREBASE_CLIENT_EMAIL", "a@b.c", "FIREBASE_PRIVATE_KEY", pem)))
        .hasMessageStartingWith("FIREBASE_PROJECT_ID is required");
    assertThatThrownBy(
            () -> FirestoreConfig.fromEnvironment(Map.of("FIRESTORE_EMULATOR_HOST", "h:1")))
        .hasMessageStartingWith("FIREBASE_PROJECT_ID is required with FIRESTORE_EMULATOR_HOST");
    assertThatThrownBy(
            () ->
                FirestoreConfig.fromEnvironment(
                    Map.of("FIRESTORE_EMULATOR_HOST", "localhost", "FIREBASE_PROJECT_ID", "p")))
        .hasMessageStartingWith("FIRESTORE_EMULATOR_HOST must be host:port");
    assertThatThrownBy(
            () ->
                FirestoreConfig.fromEnvironment(
                    Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent/key.json")))
        .hasMessageStartingWith("GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read");
    assertThatThrownBy(
            () ->
                FirestoreConfig.fromEnvironment(
                    Map.of(
                        "FIRESTORE_EMULATOR_HOST", "127.0.0.1:8080",
                        "FIREBASE_PROJECT_ID", "p",
                        "FIRESTORE_CACHE_MAX_AGE", "an hour")))
        .hasMessageStartingWith("FIRESTORE_CACHE_MAX_AGE must be an ISO-8601 duration");
  }

  @Test
  void emulator_winsOverKeys_andDurationsAreIsoOrMilliseconds() {
    FirestoreConfig config =
        FirestoreConfig.fromEnvironment(
            Map.of(
                "FIRESTORE_EMULATOR_HOST", "127.0.0.1:8080",
                "FIREBASE_PROJECT_ID", "demo-fees",
                "FIREBASE_CLIENT_EMAIL", "a@b.c",
                "FIRESTORE_CACHE_MAX_AGE", "PT30M",
                "LEDGER_MAX_AGE", "60000"));
    assertThat(config.credentials()).isEqualTo(new FirestoreConfig.Emulator("127.0.0.1:8080"));
    assertThat(config.cacheMaxAge()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.ledgerMaxAge()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aKeyFile_thatIsNotAServiceAccountKey_failsAtOpenWithOneLine(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("key.json"), "{\"type\": \"nonsense\"}");
    FirestoreConfig config =
        FirestoreConfig.fromEnvironment(Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString()));
    assertThat(config.projectId()).isEqualTo(Optional.empty());
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
