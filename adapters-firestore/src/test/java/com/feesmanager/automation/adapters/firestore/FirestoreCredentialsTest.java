package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig.ServiceAccount;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The REST client's request headers. The production endpoint cannot be reached from the tests: what
 * is checked is the header a service account signs for it, with a key made here.
 */
class FirestoreCredentialsTest {

  private static final URI FIRESTORE = URI.create("https://firestore.googleapis.com/");

  @Test
  void a_service_account_signs_its_own_jwt_with_the_firestore_scopes_and_no_token_exchange()
      throws Exception {
    // given a service account with a key of its own
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    String email = "fees-automation@demo-fees.iam.gserviceaccount.com";
    FirestoreConfig config =
        new FirestoreConfig(
            Optional.of("demo-fees"),
            new ServiceAccount(email, pem),
            FirestoreConfig.DEFAULT_CACHE_MAX_AGE,
            FirestoreConfig.DEFAULT_LEDGER_MAX_AGE,
            Duration.ofSeconds(10));

    // when (no network here: a token exchange would fail, a self-signed JWT does not need one)
    Map<String, List<String>> headers =
        FirestoreCredentials.of(config).forRest().getRequestMetadata(FIRESTORE);

    // then a bearer JWT, signed with the key, issued by the account, carrying the scopes
    String authorization = headers.get("Authorization").get(0);
    assertThat(authorization).startsWith("Bearer ");
    String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
    assertThat(jwt).hasSize(3);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    JsonObject claims =
        JsonParser.parseString(
                new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertThat(claims.get("iss").getAsString()).isEqualTo(email);
    assertThat(claims.get("sub").getAsString()).isEqualTo(email);
    assertThat(claims.get("scope").getAsString())
        .contains("https://www.googleapis.com/auth/datastore");
    assertThat(claims.get("exp").getAsLong() - claims.get("iat").getAsLong()).isPositive();
  }

  @Test
  void the_emulator_is_sent_the_owner_token() throws Exception {
    Map<String, List<String>> headers =
        FirestoreCredentials.of(FirestoreConfig.emulator("127.0.0.1:8080", "demo-fees"))
            .credentials()
            .getRequestMetadata(FIRESTORE);

    assertThat(headers.get("Authorization")).containsExactly("Bearer owner");
  }
}
