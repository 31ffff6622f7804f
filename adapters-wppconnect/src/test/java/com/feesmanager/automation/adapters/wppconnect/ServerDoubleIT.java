package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double itself speaks the contract: exact status codes and bodies on the wire. */
class ServerDoubleIT {

  private final HttpClient client = HttpClient.newHttpClient();
  private WppConnectServerDouble server;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> call(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthz_answersWithoutAToken() throws Exception {
    HttpResponse<String> reply = call("GET", "/healthz", Map.of());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).contains("\"message\":\"OK\"");
  }

  @Test
  void generateToken_withTheSecret_issuesABcryptLookingToken_thatWorks() throws Exception {
    // when
    HttpResponse<String> reply =
        call(
            "POST",
            "/api/s1/" + WppConnectServerDouble.DEFAULT_SECRET + "/generate-token",
            Map.of());

    // then
    assertThat(reply.statusCode()).isEqualTo(201);
    String token = reply.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    assertThat(token).startsWith("$2b$10$").hasSize(60);
    assertThat(reply.body()).contains("\"full\":\"s1:" + token + "\"");
    assertThat(
            call("GET", "/api/s1/status-session", Map.of("Authorization", "Bearer " + token))
                .body())
        .isEqualTo("{\"status\":\"CLOSED\",\"qrcode\":null}");
  }

  @Test
  void generateToken_withAWrongSecret_is400() throws Exception {
    HttpResponse<String> reply = call("POST", "/api/s1/nope/generate-token", Map.of());
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).isEqualTo(WppConnectPayloads.WRONG_SECRET_400);
  }

  @Test
  void theThree401Bodies() throws Exception {
    String other = server.issueToken("another-session");
    assertThat(call("GET", "/api/s1/status-session", Map.of()).body())
        .isEqualTo("{\"message\":\"Token is not present. Check your header and try again\"}");
    assertThat(call("GET", "/api/s1/status-session", Map.of("Authorization", "Bearer")).body())
        .isEqualTo("{\"error\":\"Check that the Session and Token are correct.\",\"message\":{}}");
    HttpResponse<String> wrong =
        call("GET", "/api/s1/status-session", Map.of("Authorization", "Bearer " + other));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body())
        .isEqualTo("{\"error\":\"Check that the Session and Token are correct\"}");
  }

  @Test
  void checkConnection_andCloseSession() throws Exception {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + server.issueToken("s1"));
    server.connect("s1");
    assertThat(call("GET", "/api/s1/check-connection-session", auth).body())
        .isEqualTo("{\"status\":true,\"message\":\"Connected\"}");
    assertThat(call("POST", "/api/s1/close-session", auth).body())
        .isEqualTo("{\"status\":true,\"message\":\"Session successfully closed\"}");
    assertThat(call("GET", "/api/s1/check-connection-session", auth).body())
        .isEqualTo("{\"status\":false,\"message\":\"Disconnected\"}");
    assertThat(server.state("s1")).isEqualTo(WppConnectServerDouble.State.CLOSED);
  }
}
