import java.net.URI;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Redis through Jedis (no Netty: blocking sockets, a commons-pool2 pool) for the cold-start floors
 * (issue 16): PING, then one SCRIPT LOAD and one EVALSHA of a small script, because a tick calls
 * its Lua scripts by SHA and a floor that only PINGs would leave the scripting path cold. Uses
 * {@link RedisClient}, the pooled client Jedis recommends since 7.0, as a product adapter would,
 * with the pool's JMX registration off: by default commons-pool2 registers an MBean per pool, which
 * starts the platform MBean server (about 400-500 classes and 40-100 ms of CPU on a cold start;
 * neither Lettuce nor gRPC loads any of it).
 */
final class JedisCalls {

  // A read a due check could make: how many members a sorted set has (0 here: the key is absent).
  private static final String SCRIPT = "return redis.call('ZCARD', KEYS[1])";

  private JedisCalls() {}

  /** "PONG" when PING answered PONG and the script ran; otherwise what went wrong, as text. */
  static String pingAndScript(String redisUrl) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setJmxEnabled(false);
    // The builder's fromURI is deprecated in Jedis 8: the URL's parts are passed one by one.
    URI uri = URI.create(redisUrl);
    try (RedisClient redis =
        RedisClient.builder()
            .hostAndPort(JedisURIHelper.getHostAndPort(uri))
            .clientConfig(
                DefaultJedisClientConfig.builder().database(JedisURIHelper.getDBIndex(uri)).build())
            .poolConfig(pool)
            .build()) {
      String pong = redis.ping();
      String sha = redis.scriptLoad(SCRIPT);
      Object members = redis.evalsha(sha, List.of("floor:absent"), List.of());
      return Long.valueOf(0).equals(members) ? pong : "evalsha answered " + members;
    }
  }
}
