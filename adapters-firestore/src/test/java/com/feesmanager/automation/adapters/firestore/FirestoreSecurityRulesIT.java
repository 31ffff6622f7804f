package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped {@code firestore.rules} (repository root) on Google's emulator, over its REST API as
 * the web app's SDK would call it: an owner signed in with Firebase Auth (an unsigned test token,
 * which the emulator accepts) reads their own account tree and writes what the web app keeps, but
 * not what the backend writes; nobody reads another account; the backend's admin access ({@code
 * Bearer owner}) writes anything.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator("security rules (PUT /emulator/v1/projects/{p}:securityRules)")
class FirestoreSecurityRulesIT {

  private static final Path RULES = Path.of("..", "firestore.rules");
  private static final String ADMIN = "owner";
  private static final String ALICE = "academy-alice";
  private static final String BOB = "academy-bob";

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void rulesExist() {
    assertThat(RULES).as("the rules shipped at the repository root").isRegularFile();
  }

  @BeforeEach
  void loadRulesAndSeed() throws Exception {
    FirestoreEmulatorExtension.emulator().reset();
    String rules = Files.readString(RULES, StandardCharsets.UTF_8);
    HttpResponse<String> loaded =
        send(
            "PUT",
            "/emulator/v1/projects/" + FirestoreEmulator.PROJECT + ":securityRules",
            Optional.empty(),
            "{\"rules\":{\"files\":[{\"name\":\"firestore.rules\",\"content\":"
                + json(rules)
                + "}]}}");
    assertThat(loaded.statusCode()).as("rules loaded: %s", loaded.body()).isEqualTo(200);
    for (String uid : new String[] {ALICE, BOB}) {
      assertThat(write(ADMIN, "users/" + uid + "/messageLogs/m1", "status", "SENT"))
          .as("the backend writes a log")
          .isEqualTo(200);
      assertThat(write(ADMIN, "users/" + uid + "/automation/status", "instance", "daemon-1"))
          .isEqualTo(200);
      assertThat(
              write(ADMIN, "users/" + uid + "/automationRuns/r1_2026-11-10T10:00", "queued", "1"))
          .isEqualTo(200);
      assertThat(write(ADMIN, "users/" + uid, "academyName", "Academy " + uid)).isEqualTo(200);
    }
    assertThat(write(ADMIN, "automationSessions/school-1", "uid", ALICE)).isEqualTo(200);
  }

  @Test
  void an_owner_reads_their_logs_runs_and_heartbeat_and_not_another_accounts() throws Exception {
    for (String path :
        new String[] {
          "users/" + ALICE,
          "users/" + ALICE + "/messageLogs/m1",
          "users/" + ALICE + "/automation/status",
          "users/" + ALICE + "/automationRuns/r1_2026-11-10T10:00"
        }) {
      assertThat(read(ALICE, path)).as("Alice reads %s", path).isEqualTo(200);
    }
    assertThat(read(ALICE, "users/" + BOB + "/messageLogs/m1")).isEqualTo(403);
    assertThat(read(ALICE, "users/" + BOB + "/automation/status")).isEqualTo(403);
    assertThat(read(ALICE, "users/" + BOB)).isEqualTo(403);
    assertThat(list(ALICE, "users/" + ALICE + "/messageLogs")).isEqualTo(200);
    assertThat(list(ALICE, "users/" + BOB + "/messageLogs")).isEqualTo(403);
  }

  @Test
  void nobody_signed_out_reads_anything() throws Exception {
    assertThat(
            send("GET", docPath("users/" + ALICE + "/messageLogs/m1"), Optional.empty(), null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void an_owner_cannot_write_what_the_backend_writes() throws Exception {
    assertThat(write(ALICE, "users/" + ALICE + "/automation/status", "instance", "forged"))
        .isEqualTo(403);
    assertThat(write(ALICE, "users/" + ALICE + "/messageLogs/m1", "status", "READ")).isEqualTo(403);
    assertThat(write(ALICE, "users/" + ALICE + "/messageLogs/new", "status", "SENT"))
        .isEqualTo(403);
    assertThat(write(ALICE, "users/" + ALICE + "/automationRuns/r2_x", "queued", "9"))
        .isEqualTo(403);
    assertThat(write(ALICE, "automationSessions/school-1", "uid", ALICE)).isEqualTo(403);
    assertThat(write(ALICE, "automationSessions/school-2", "uid", ALICE)).isEqualTo(403);
    assertThat(delete(ALICE, "users/" + ALICE + "/messageLogs/m1")).isEqualTo(403);
  }

  @Test
  void an_owner_writes_what_the_web_app_keeps_and_nothing_of_another_account() throws Exception {
    assertThat(write(ALICE, "users/" + ALICE, "academyName", "Alice's Academy")).isEqualTo(200);
    assertThat(write(ALICE, "users/" + ALICE + "/students/s1", "name", "Ali Raza")).isEqualTo(200);
    assertThat(write(ALICE, "users/" + ALICE + "/templates/t1", "body", "Dear {guardianName}"))
        .isEqualTo(200);
    assertThat(write(ALICE, "users/" + ALICE + "/automationRules/r1", "name", "Overdue"))
        .isEqualTo(200);
    assertThat(write(ALICE, "users/" + BOB + "/students/s1", "name", "Intruder")).isEqualTo(403);
    assertThat(write(ALICE, "users/" + BOB, "academyName", "Taken over")).isEqualTo(403);
  }

  @Test
  void the_account_bound_to_a_session_may_see_the_binding_and_no_other() throws Exception {
    assertThat(read(ALICE, "automationSessions/school-1")).isEqualTo(200);
    assertThat(read(BOB, "automationSessions/school-1")).isEqualTo(403);
  }

  @Test
  void the_backends_credentials_write_every_backend_document() throws Exception {
    assertThat(write(ADMIN, "users/" + ALICE + "/automation/status", "instance", "daemon-2"))
        .isEqualTo(200);
    assertThat(write(ADMIN, "users/" + ALICE + "/messageLogs/m1", "status", "READ")).isEqualTo(200);
    assertThat(write(ADMIN, "automationSessions/school-1", "uid", BOB)).isEqualTo(200);
  }

  // --- REST calls ------------------------------------------------------------------------------

  private int read(String who, String path) throws IOException, InterruptedException {
    return send("GET", docPath(path), Optional.of(token(who)), null).statusCode();
  }

  private int list(String who, String collection) throws IOException, InterruptedException {
    return send("GET", docPath(collection), Optional.of(token(who)), null).statusCode();
  }

  private int delete(String who, String path) throws IOException, InterruptedException {
    return send("DELETE", docPath(path), Optional.of(token(who)), null).statusCode();
  }

  /** Writes one string field of a document (created when absent). */
  private int write(String who, String path, String field, String value)
      throws IOException, InterruptedException {
    return send(
            "PATCH",
            docPath(path) + "?updateMask.fieldPaths=" + field,
            Optional.of(token(who)),
            "{\"fields\":{\"" + field + "\":{\"stringValue\":" + json(value) + "}}}")
        .statusCode();
  }

  private static String docPath(String path) {
    return "/v1/projects/" + FirestoreEmulator.PROJECT + "/databases/(default)/documents/" + path;
  }

  private HttpResponse<String> send(
      String method, String path, Optional<String> bearer, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://" + FirestoreEmulatorExtension.emulator().host() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The backend's admin token, or an unsigned Firebase Auth ID token for {@code uid} (alg none: the
   * emulator checks the claims, not the signature).
   */
  private static String token(String who) {
    if (who.equals(ADMIN)) {
      return ADMIN;
    }
    long now = System.currentTimeMillis() / 1000;
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String claims =
        "{\"iss\":\"https://securetoken.google.com/"
            + FirestoreEmulator.PROJECT
            + "\",\"aud\":\""
            + FirestoreEmulator.PROJECT
            + "\",\"auth_time\":"
            + now
            + ",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 3600)
            + ",\"sub\":\""
            + who
            + "\",\"user_id\":\""
            + who
            + "\",\"firebase\":{\"sign_in_provider\":\"custom\",\"identities\":{}}}";
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  /** A JSON string literal. */
  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
