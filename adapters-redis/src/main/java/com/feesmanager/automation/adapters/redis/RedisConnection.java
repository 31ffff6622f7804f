package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one Lettuce client and connection of a process, owned by the runner (open once, close on
 * exit), and the factory of every Redis adapter; the adapters share its thread-safe connection.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  /** An alert waits this long at most for the shared gate before it goes out anyway. */
  static final Duration ALERT_GATE_TIMEOUT = Duration.ofSeconds(2);

  /** {@link Scripts} bounds every wait itself; a timer task per command only costs CPU. */
  private static final TimeoutOptions NO_COMMAND_TIMERS =
      TimeoutOptions.builder().timeoutCommands(false).build();

  private final RedisSettings settings;
  private final AutoCloseable connection;
  private final Runnable shutdown;
  private final Scripts scripts;
  private final Keys keys;

  private RedisConnection(
      RedisSettings settings,
      AutoCloseable connection,
      Runnable shutdown,
      Supplier<RedisClusterCommands<String, String>> commands,
      RedisClusterAsyncCommands<String, String> async) {
    this.settings = settings;
    this.connection = connection;
    this.shutdown = shutdown;
    this.scripts = new Scripts(commands, async, COMMAND_TIMEOUT);
    this.keys = new Keys(settings.keyPrefix());
  }

  /** Connects (single node or cluster, as the settings say) and loads the scripts. */
  public static RedisConnection open(RedisSettings settings) {
    Objects.requireNonNull(settings, "'settings' must not be null");
    RedisURI uri;
    try {
      uri = RedisURI.create(settings.url());
    } catch (IllegalArgumentException e) {
      // The message could echo the password; name the variable only.
      throw new IllegalArgumentException("REDIS_URL is not a valid Redis URL");
    }
    uri.setTimeout(COMMAND_TIMEOUT);
    RedisConnection opened;
    if (settings.cluster()) {
      RedisClusterClient client = RedisClusterClient.create(uri);
      client.setOptions(ClusterClientOptions.builder().timeoutOptions(NO_COMMAND_TIMERS).build());
      try {
        StatefulRedisClusterConnection<String, String> connection =
            client.connect(StringCodec.UTF8);
        opened =
            new RedisConnection(
                settings,
                connection::close,
                () -> shutdown(client),
                connection::sync,
                connection.async());
      } catch (RedisException e) {
        shutdown(client);
        throw new QueueUnavailable("cannot connect to Redis Cluster " + settings.safeUrl(), e);
      }
    } else {
      RedisClient client = new LazyFacadeRedisClient(uri);
      client.setOptions(ClientOptions.builder().timeoutOptions(NO_COMMAND_TIMERS).build());
      try {
        StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
        opened =
            new RedisConnection(
                settings,
                connection::close,
                () -> shutdown(client),
                connection::sync,
                connection.async());
      } catch (RedisException e) {
        shutdown(client);
        throw new QueueUnavailable("cannot connect to Redis " + settings.safeUrl(), e);
      }
    }
    try {
      opened.scripts.loadAll();
    } catch (QueueUnavailable e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  private static void shutdown(RedisClient client) {
    // No quiet period: a one-shot run should not wait for Netty after its work is done.
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static void shutdown(RedisClusterClient client) {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  public RedisSettings settings() {
    return settings;
  }

  public RedisMessageQueue messageQueue() {
    return new RedisMessageQueue(
        scripts, keys, settings.visibilityTimeout(), settings.dedupeRetention());
  }

  public RedisOccurrenceClaims occurrenceClaims() {
    return new RedisOccurrenceClaims(scripts, keys);
  }

  public RedisRateLimitLedger rateLimitLedger() {
    return new RedisRateLimitLedger(scripts, keys);
  }

  public RedisSessionLeases sessionLeases() {
    return new RedisSessionLeases(scripts, keys);
  }

  /**
   * The alert gate shared by every process on this Redis; it waits at most {@link
   * #ALERT_GATE_TIMEOUT}, so an alert raised while Redis hangs goes out soon (the caller falls back
   * to its own window).
   */
  public RedisAlertGate alertGate() {
    return new RedisAlertGate(scripts.withTimeout(ALERT_GATE_TIMEOUT), keys);
  }

  public RedisDailyTally dailyTally() {
    return new RedisDailyTally(scripts, keys);
  }

  public RedisOperatorHolds operatorHolds() {
    return new RedisOperatorHolds(scripts, keys);
  }

  Scripts scripts() {
    return scripts;
  }

  /**
   * Reads Redis's persistence settings ({@code CONFIG GET}); never throws: what cannot be read
   * (CONFIG disabled or renamed on managed Redis, or Redis not answering) is empty. On a Cluster
   * this asks one node.
   */
  public RedisPersistence persistence() {
    try {
      Map<String, String> config =
          scripts.command(c -> c.configGet("appendonly", "save", "maxmemory-policy"));
      return new RedisPersistence(
          Optional.ofNullable(config.get("appendonly")),
          Optional.ofNullable(config.get("save")),
          Optional.ofNullable(config.get("maxmemory-policy")));
    } catch (QueueUnavailable e) {
      return RedisPersistence.UNKNOWN;
    }
  }

  /** True when Redis answers a PING now (for readiness checks); never throws. */
  public boolean isReachable() {
    try {
      return "PONG".equals(scripts.command(c -> c.ping()));
    } catch (QueueUnavailable e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception e) {
      // Closing must not stop the client shutdown below; the connection is gone either way.
    } finally {
      shutdown.run();
    }
  }
}
