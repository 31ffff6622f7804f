package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link RedisCalls} over Jedis: blocking sockets and a pool of connections, no Netty or Reactor,
 * so a one-shot run starts cheaper and a daemon holds less memory
 * (docs/decisions/firestore-rest.md, docs/decisions/redis-client.md). Jedis's timeouts belong to a
 * client, not a call, so each bound ({@link #withTimeout}) has a client of its own, built on first
 * use.
 */
final class JedisRedisCalls implements RedisCalls {

  /**
   * Connections per client: a call borrows one for its round trip (Lettuce multiplexes one for
   * all). Enough for the daemon's concurrent callers (8 session workers, 2 firing threads, the
   * scheduler, HTTP handlers); a tick uses one.
   */
  static final int POOL_SIZE = 16;

  /**
   * The first pause before a call whose connection failed tries again; it doubles up to the
   * longest.
   */
  static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(50);

  static final Duration LONGEST_RETRY_PAUSE = Duration.ofMillis(500);

  private final Clients clients;
  private final Duration timeout;

  private JedisRedisCalls(Clients clients, Duration timeout) {
    this.clients = clients;
    this.timeout = timeout;
  }

  /** The client for {@code settings}, with every call bounded by {@code timeout}. */
  static JedisRedisCalls connect(RedisSettings settings, Duration timeout) {
    String where = (settings.cluster() ? "Redis Cluster " : "Redis ") + settings.safeUrl();
    Clients clients = new Clients(Target.parse(settings.url()), settings.cluster(), where);
    try {
      // A cluster client reads the slot map here; a single node's pool connects on first use.
      clients.withTimeout(timeout);
    } catch (JedisException e) {
      clients.close();
      throw new QueueUnavailable("cannot connect to " + where, e);
    }
    return new JedisRedisCalls(clients, timeout);
  }

  /** Over the same URL; the client for this bound is built on its first call. */
  @Override
  public JedisRedisCalls withTimeout(Duration timeout) {
    return new JedisRedisCalls(clients, timeout);
  }

  /**
   * The first round trip, so a Redis that cannot be reached is named here, as Lettuce names it at
   * connect.
   */
  @Override
  public void loadAll() {
    try {
      UnifiedJedis jedis = client();
      if (jedis instanceof RedisClusterClient) {
        // SCRIPT LOAD's request policy is all_nodes: Jedis sends it to every primary.
        for (Script script : Script.values()) {
          jedis.scriptLoad(script.body());
        }
        return;
      }
      try (AbstractPipeline pipeline = jedis.pipelined()) {
        List<Response<String>> loads = new ArrayList<>();
        for (Script script : Script.values()) {
          // the second argument only routes (a hash-slot key), which a single node ignores
          loads.add(pipeline.scriptLoad(script.body(), script.sha()));
        }
        pipeline.sync();
        loads.forEach(Response::get);
      }
    } catch (JedisConnectionException e) {
      throw new QueueUnavailable("cannot connect to " + clients.where, e);
    } catch (JedisException e) {
      throw new QueueUnavailable("Redis command failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long integer(Script script, String[] keys, String... args) {
    return (Long) run(script, keys, args);
  }

  @Override
  public String text(Script script, String[] keys, String... args) {
    return (String) run(script, keys, args);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> multi(Script script, String[] keys, String... args) {
    return (List<Object>) run(script, keys, args);
  }

  /** Jedis decodes a script's reply as Long, String (UTF-8), nested List and null, as Lettuce. */
  private Object run(Script script, String[] keys, String... args) {
    long started = System.nanoTime();
    List<String> keyList = Arrays.asList(keys);
    List<String> argList = Arrays.asList(args);
    try {
      Object result =
          retried(
              () -> {
                UnifiedJedis jedis = client();
                try {
                  return jedis.evalsha(script.sha(), keyList, argList);
                } catch (JedisNoScriptException e) {
                  return jedis.eval(script.body(), keyList, argList);
                }
              });
      ScriptTiming.record(script, started);
      return result;
    } catch (JedisException e) {
      throw new QueueUnavailable("Redis script " + script + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code command}, again while its connection fails (Redis restarting: refused, or a pooled
   * connection the old server closed), until this client's bound has passed. Lettuce, the other
   * driver, holds a command while it reconnects and sends it again (at least once); the same here
   * makes a Redis that is back within the bound cost the caller a wait, not a failure: a daemon
   * whose completion failed would otherwise leave a sent message claimed until its visibility
   * timeout (docs/decisions/redis-client.md). Like Lettuce's, a command whose connection broke
   * after it was written may run twice: a second completion finds its claim gone, a second claim
   * call answers with the first one's claim (fragment-queue-claim.lua).
   */
  private <T> T retried(Supplier<T> command) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_RETRY_PAUSE.toNanos();
    while (true) {
      try {
        return command.get();
      } catch (JedisConnectionException e) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw e;
        }
        try {
          Thread.sleep(Duration.ofNanos(Math.min(pause, left)).toMillis() + 1);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = Math.min(pause * 2, LONGEST_RETRY_PAUSE.toNanos());
      }
    }
  }

  @Override
  public String ping() {
    return call(() -> client().ping());
  }

  @Override
  public Map<String, String> configGet(String... parameters) {
    return call(() -> client().configGet(parameters));
  }

  @Override
  public boolean setnx(String key, String value) {
    return call(() -> client().setnx(key, value)) == 1;
  }

  @Override
  public long del(String key) {
    return call(() -> client().del(key));
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(call(() -> client().get(key)));
  }

  @Override
  public Map<String, String> hmget(String key, String... fields) {
    List<String> values = call(() -> client().hmget(key, fields));
    Map<String, String> present = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i++) {
      if (values.get(i) != null) {
        present.put(fields[i], values.get(i));
      }
    }
    return present;
  }

  @Override
  public long sadd(String key, String member) {
    return call(() -> client().sadd(key, member));
  }

  @Override
  public Set<String> smembers(String key) {
    return call(() -> client().smembers(key));
  }

  @Override
  public long zcard(String key) {
    return call(() -> client().zcard(key));
  }

  @Override
  public List<ScoredMember> zrangeWithScores(String key, long start, long stop) {
    return call(() -> client().zrangeWithScores(key, start, stop)).stream()
        .map(tuple -> new ScoredMember(tuple.getElement(), tuple.getScore()))
        .toList();
  }

  @Override
  public long exists(String... keys) {
    return call(() -> client().exists(keys));
  }

  /** Closes every client of every bound. */
  @Override
  public void close() {
    clients.close();
  }

  private UnifiedJedis client() {
    return clients.withTimeout(timeout);
  }

  private <T> T call(Supplier<T> command) {
    try {
      return retried(command);
    } catch (JedisException e) {
      throw new QueueUnavailable("Redis command failed: " + e.getMessage(), e);
    }
  }

  /** One pooled client per timeout, all to the same Redis. */
  private static final class Clients {

    private final Target target;
    private final boolean cluster;

    /** The kind of Redis and its URL without the password, for errors. */
    private final String where;

    private final Map<Duration, UnifiedJedis> byTimeout = new ConcurrentHashMap<>();

    Clients(Target target, boolean cluster, String where) {
      this.target = target;
      this.cluster = cluster;
      this.where = where;
    }

    UnifiedJedis withTimeout(Duration timeout) {
      return byTimeout.computeIfAbsent(timeout, this::build);
    }

    private UnifiedJedis build(Duration timeout) {
      int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
      DefaultJedisClientConfig.Builder config =
          DefaultJedisClientConfig.builder()
              .connectionTimeoutMillis(millis)
              .socketTimeoutMillis(millis)
              // RESP2, said up front: no HELLO round trip per connection, any Redis version, and
              // the client does not borrow a connection at construction to learn the protocol
              // (a second wait on a hung Redis; if that probe failed, its decoders stayed RESP2
              // while connections negotiated RESP3). Script replies decode the same on both.
              .protocol(RedisProtocol.RESP2)
              // CLIENT SETINFO on every new connection: one more round trip, not needed
              .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
              .user(target.user().orElse(null))
              .password(target.password().orElse(null));
      if (target.tls()) {
        // Jedis checks no host name by default; Lettuce (and any TLS client) does.
        SSLParameters verifyHost = new SSLParameters();
        verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
        config.ssl(true).sslParameters(verifyHost);
      }
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      // Registering the pool's MBean starts the platform MBean server: 40-100 ms of a cold start.
      pool.setJmxEnabled(false);
      pool.setMaxTotal(POOL_SIZE);
      pool.setMaxIdle(POOL_SIZE);
      // Waiting for a free connection counts against the same bound.
      pool.setMaxWait(timeout);
      HostAndPort node = new HostAndPort(target.host(), target.port());
      if (cluster) {
        return RedisClusterClient.builder()
            .nodes(Set.of(node))
            .clientConfig(config.build())
            .poolConfig(pool)
            .maxTotalRetriesDuration(timeout)
            .build();
      }
      return RedisClient.builder()
          .hostAndPort(node)
          .clientConfig(config.database(target.database()).build())
          .poolConfig(pool)
          .build();
    }

    void close() {
      for (UnifiedJedis client : byTimeout.values()) {
        try {
          client.close();
        } catch (RuntimeException e) {
          // the other clients still close; this one's sockets go with the process
        }
      }
    }
  }

  /**
   * What {@code REDIS_URL} names, part by part (Jedis 8 deprecates building a client from a URL):
   * {@code redis[s]://[[user]:password@]host[:port][/database]}, a lone user-info being the
   * password, as Lettuce reads it.
   */
  record Target(
      String host,
      int port,
      int database,
      Optional<String> user,
      Optional<String> password,
      boolean tls) {

    static Target parse(String url) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw invalid();
      }
      String scheme = uri.getScheme();
      if (!"redis".equals(scheme) && !"rediss".equals(scheme) || uri.getHost() == null) {
        throw invalid();
      }
      Optional<String> user = Optional.empty();
      Optional<String> password = Optional.empty();
      String userInfo = uri.getUserInfo();
      if (userInfo != null && !userInfo.isEmpty()) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
          password = Optional.of(userInfo);
        } else {
          user = Optional.of(userInfo.substring(0, colon)).filter(name -> !name.isEmpty());
          password = Optional.of(userInfo.substring(colon + 1));
        }
      }
      return new Target(
          uri.getHost(),
          uri.getPort() < 0 ? 6379 : uri.getPort(),
          database(uri.getPath()),
          user,
          password,
          "rediss".equals(scheme));
    }

    private static int database(String path) {
      if (path == null || path.isEmpty() || path.equals("/")) {
        return 0;
      }
      try {
        int database = Integer.parseInt(path.substring(1));
        if (database >= 0) {
          return database;
        }
      } catch (NumberFormatException e) {
        // not a number: the same message below
      }
      throw invalid();
    }

    /** Names the variable only: the URL could hold the password. */
    private static IllegalArgumentException invalid() {
      return new IllegalArgumentException("REDIS_URL is not a valid Redis URL");
    }

    @Override
    public String toString() {
      // never the password, should a record ever be logged
      return "Target[" + host + ":" + port + "/" + database + (tls ? ", tls" : "") + "]";
    }
  }
}
