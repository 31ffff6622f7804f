import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * The floor under a cold tick, for scripts/bench-cold-start.sh: a process that does only what no
 * tick can skip (connect to Redis and PING, build a Firestore client and run one query, close
 * both), with the same libraries as the lambda jar and nothing of this project. Redis and Firestore
 * are opened in parallel, as the tick does. Arguments: REDIS_URL, emulator host:port, project id,
 * and optionally {@code socket}: PING over a plain socket (RespPing) instead of Lettuce, to tell
 * what Lettuce costs, or {@code jedis}: Jedis instead (JedisCalls: PING plus one SCRIPT LOAD and
 * EVALSHA).
 */
public final class ColdStartFloor {

  private ColdStartFloor() {}

  public static void main(String[] args) throws Exception {
    Thread firestore =
        new Thread(
            () -> {
              try (Firestore db =
                  FirestoreOptions.newBuilder()
                      .setEmulatorHost(args[1])
                      .setProjectId(args[2])
                      .setCredentialsProvider(
                          FixedCredentialsProvider.create(
                              GoogleCredentials.create(new AccessToken("owner", null))))
                      .build()
                      .getService()) {
                db.collection("users").whereEqualTo("automation.enabled", true).get().get();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    firestore.start();
    String redis = args.length > 3 ? args[3] : "lettuce";
    if ("socket".equals(redis)) {
      RespPing.ping(args[0]);
    } else if ("jedis".equals(redis)) {
      String pong = JedisCalls.pingAndScript(args[0]);
      if (!"PONG".equals(pong)) {
        throw new IllegalStateException("unexpected: " + pong);
      }
    } else {
      RedisClient client = RedisClient.create(args[0]);
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        connection.async().ping().get();
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
    firestore.join();
    System.exit(0);
  }
}
