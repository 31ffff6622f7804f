import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The floor under a cold tick if Firestore were read over its REST API, for
 * scripts/bench-cold-start.sh (issue 16): the same two calls as ColdStartFloor (Redis PING, the
 * enabled accounts query, opened in parallel), but the query is one {@code :runQuery} POST with the
 * JDK's HTTP client and its JSON answer is parsed with Gson (already in the lambda jar: the
 * Firestore adapter's importer and the auth library use it). Redis is either Lettuce, as the tick
 * has it, a plain socket with RESP written by hand (RespPing), to tell what Lettuce and its Netty
 * cost, or Jedis (JedisCalls: PING plus one SCRIPT LOAD and EVALSHA), a well-kept client without
 * Netty. Arguments: REDIS_URL, emulator host:port, project id, {@code lettuce|socket|jedis}.
 */
public final class ColdStartFloorRest {

  private static final String QUERY =
      """
      {"structuredQuery":{"from":[{"collectionId":"users"}],"where":{"fieldFilter":{\
      "field":{"fieldPath":"automation.enabled"},"op":"EQUAL","value":{"booleanValue":true}}}}}\
      """;

  private ColdStartFloorRest() {}

  public static void main(String[] args) throws Exception {
    int[] accounts = new int[1];
    Thread firestore =
        new Thread(
            () -> {
              try {
                accounts[0] = enabledAccounts(args[1], args[2]);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    firestore.start();
    String pong =
        switch (args[3]) {
          case "socket" -> RespPing.ping(args[0]);
          case "jedis" -> JedisCalls.pingAndScript(args[0]);
          default -> pingByLettuce(args[0]);
        };
    firestore.join();
    if (!"PONG".equals(pong) || accounts[0] == 0) {
      System.err.println("unexpected: ping=" + pong + " accounts=" + accounts[0]);
      System.exit(1);
    }
    System.out.println("accounts=" + accounts[0]);
    System.exit(0);
  }

  private static int enabledAccounts(String emulatorHost, String projectId) throws Exception {
    // HTTP/1.1: the emulator speaks it, and it spares the client its h2c upgrade attempt. A TLS
    // context that trusts nothing, as the wppconnect adapter's PlainHttpTls: the default one
    // parses the JDK's whole trust store for a plain-http call.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(trustsNothing())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://"
                        + emulatorHost
                        + "/v1/projects/"
                        + projectId
                        + "/databases/(default)/documents:runQuery"))
            .header("Authorization", "Bearer owner")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(QUERY))
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStreamReader body = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("runQuery answered " + response.statusCode());
      }
      // One element per result; the last may carry only a readTime.
      int documents = 0;
      for (JsonElement result : JsonParser.parseReader(body).getAsJsonArray()) {
        if (result.getAsJsonObject().has("document")) {
          documents++;
        }
      }
      return documents;
    }
  }

  private static String pingByLettuce(String redisUrl) throws Exception {
    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.async().ping().get();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static SSLContext trustsNothing() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        new KeyManager[0],
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
              throw new CertificateException("plain http only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
              throw new CertificateException("plain http only");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }
}
