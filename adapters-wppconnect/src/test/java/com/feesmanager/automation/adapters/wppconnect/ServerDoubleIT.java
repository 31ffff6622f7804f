package com.feesmanager.automation.adapters.wppconnect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.GatewayEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  void generateToken_comparesTheSecretExactly_slashesAndUnderscoresDiffer() throws Exception {
    // given a key with a slash (encryptController.ts compares it with !==)
    server.changeSecretKey("abc/def");

    // when
    int exact = call("POST", "/api/s1/abc%2Fdef/generate-token", Map.of()).statusCode();
    int underscored = call("POST", "/api/s1/abc_def/generate-token", Map.of()).statusCode();

    // then
    assertThat(exact).isEqualTo(201);
    assertThat(underscored).isEqualTo(400);
  }

  @Test
  void theTwo401Bodies_asAuthTsWritesThem() throws Exception {
    String other = server.issueToken("another-session");
    assertThat(call("GET", "/api/s1/status-session", Map.of()).body())
        .isEqualTo("{\"message\":\"Token is not present. Check your header and try again\"}");
    // a header with no word after "Bearer" is "not present" too
    assertThat(call("GET", "/api/s1/status-session", Map.of("Authorization", "Bearer")).body())
        .isEqualTo("{\"message\":\"Token is not present. Check your header and try again\"}");
    HttpResponse<String> wrong =
        call("GET", "/api/s1/status-session", Map.of("Authorization", "Bearer " + other));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body())
        .isEqualTo("{\"error\":\"Check that the Session and Token are correct\"}");
  }

  @Test
  void everyAckFromMinus7To5_reachesTheWebhookTheSessionWasCreatedWith() throws Exception {
    // given a receiver, and a session created with it
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      Map<String, String> auth = Map.of("Authorization", "Bearer " + server.issueToken("s1"));
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      HttpResponse<String> started =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/s1/start-session"))
                  .header("Authorization", auth.get("Authorization"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"webhook\":\"" + hook + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      // when
      for (int ack = -7; ack <= 5; ack++) {
        assertThat(server.postAck("s1", "true_923001234567@c.us_3EB0AA", ack)).isEqualTo(200);
      }

      // then
      assertThat(started.statusCode()).isEqualTo(200);
      assertThat(received).hasSize(13);
      WppConnectWebhookParser parser = new WppConnectWebhookParser();
      assertThat(parser.parse(received.get(0)))
          .isEqualTo(
              new GatewayEvent.MessageAck(
                  "s1", "true_923001234567@c.us_3EB0AA", GatewayEvent.AckLevel.FAILED));
      assertThat(parser.parse(received.get(12))).isInstanceOf(GatewayEvent.Ignored.class);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void unknownPaths_getExpresssHtml404() throws Exception {
    HttpResponse<String> reply = call("POST", "/wpp/api/s1/send-message", Map.of());
    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(reply.body()).contains("Cannot POST /wpp/api/s1/send-message");
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
