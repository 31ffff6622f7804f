package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link RedisCalls} over Lettuce: one client and one multiplexed connection for every thread,
 * single node or cluster. Every call goes through the async API and is awaited here with its own
 * bound.
 */
final class LettuceRedisCalls implements RedisCalls {

  /** Every wait is bounded here; a timer task per command only costs CPU. */
  private static final TimeoutOptions NO_COMMAND_TIMERS =
      TimeoutOptions.builder().timeoutCommands(false).build();

  private final AutoCloseable connection;
  private final Runnable shutdown;

  /** Lettuce's sync API, built on first use (a reflective proxy; for tests only). */
  private final Supplier<RedisClusterCommands<String, String>> commands;

  /**
   * Scripts and commands go through the async API and wait here: Lettuce's sync API is a reflective
   * proxy, which costs more per call than the script itself on the hot path.
   */
  private final RedisClusterAsyncCommands<String, String> async;

  private final long timeoutNanos;

  private LettuceRedisCalls(
      AutoCloseable connection,
      Runnable shutdown,
      Supplier<RedisClusterCommands<String, String>> commands,
      RedisClusterAsyncCommands<String, String> async,
      Duration timeout) {
    this.connection = connection;
    this.shutdown = shutdown;
    this.commands = commands;
    this.async = async;
    this.timeoutNanos = timeout.toNanos();
  }

  /** Connects (single node or cluster, as the settings say); loads no script yet. */
  static LettuceRedisCalls connect(RedisSettings settings, Duration timeout) {
    RedisURI uri;
    try {
      uri = RedisURI.create(settings.url());
    } catch (IllegalArgumentException e) {
      // The message could echo the password; name the variable only.
      throw new IllegalArgumentException("REDIS_URL is not a valid Redis URL");
    }
    uri.setTimeout(timeout);
    if (settings.cluster()) {
      RedisClusterClient client = RedisClusterClient.create(uri);
      client.setOptions(ClusterClientOptions.builder().timeoutOptions(NO_COMMAND_TIMERS).build());
      try {
        StatefulRedisClusterConnection<String, String> connection =
            client.connect(StringCodec.UTF8);
        return new LettuceRedisCalls(
            connection::close,
            () -> shutdown(client),
            connection::sync,
            connection.async(),
            timeout);
      } catch (RedisException e) {
        shutdown(client);
        throw new QueueUnavailable("cannot connect to Redis Cluster " + settings.safeUrl(), e);
      }
    }
    RedisClient client = new LazyFacadeRedisClient(uri);
    client.setOptions(ClientOptions.builder().timeoutOptions(NO_COMMAND_TIMERS).build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
      return new LettuceRedisCalls(
          connection::close, () -> shutdown(client), connection::sync, connection.async(), timeout);
    } catch (RedisException e) {
      shutdown(client);
      throw new QueueUnavailable("cannot connect to Redis " + settings.safeUrl(), e);
    }
  }

  private static void shutdown(RedisClient client) {
    // No quiet period: a one-shot run should not wait for Netty after its work is done.
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static void shutdown(RedisClusterClient client) {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  /** Over the same connection; closing either closes both. */
  @Override
  public LettuceRedisCalls withTimeout(Duration timeout) {
    return new LettuceRedisCalls(connection, shutdown, commands, async, timeout);
  }

  @Override
  public void loadAll() {
    call(
        () -> {
          List<RedisFuture<String>> loads = new ArrayList<>();
          for (Script script : Script.values()) {
            loads.add(async.scriptLoad(script.body()));
          }
          for (RedisFuture<String> load : loads) {
            await(load);
          }
          return null;
        });
  }

  @Override
  public long integer(Script script, String[] keys, String... args) {
    Long result = run(script, ScriptOutputType.INTEGER, keys, args);
    return result;
  }

  @Override
  public String text(Script script, String[] keys, String... args) {
    return run(script, ScriptOutputType.VALUE, keys, args);
  }

  @Override
  public List<Object> multi(Script script, String[] keys, String... args) {
    return run(script, ScriptOutputType.MULTI, keys, args);
  }

  private <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
    long started = System.nanoTime();
    try {
      T result;
      try {
        result = await(async.<T>evalsha(script.sha(), type, keys, args));
      } catch (RedisNoScriptException e) {
        result = await(async.<T>eval(script.body(), type, keys, args));
      }
      ScriptTiming.record(script, started);
      return result;
    } catch (RedisException e) {
      throw new QueueUnavailable("Redis script " + script + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String ping() {
    return command(c -> c.ping());
  }

  @Override
  public Map<String, String> configGet(String... parameters) {
    return command(c -> c.configGet(parameters));
  }

  @Override
  public boolean setnx(String key, String value) {
    return command(c -> c.setnx(key, value));
  }

  @Override
  public long del(String key) {
    return command(c -> c.del(key));
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(command(c -> c.get(key)));
  }

  @Override
  public Map<String, String> hmget(String key, String... fields) {
    Map<String, String> present = new LinkedHashMap<>();
    for (KeyValue<String, String> field : command(c -> c.hmget(key, fields))) {
      field.ifHasValue(value -> present.put(field.getKey(), value));
    }
    return present;
  }

  @Override
  public long sadd(String key, String member) {
    return command(c -> c.sadd(key, member));
  }

  @Override
  public Set<String> smembers(String key) {
    return command(c -> c.smembers(key));
  }

  @Override
  public long zcard(String key) {
    return command(c -> c.zcard(key));
  }

  @Override
  public List<ScoredMember> zrangeWithScores(String key, long start, long stop) {
    return command(c -> c.zrangeWithScores(key, start, stop)).stream()
        .map(scored -> new ScoredMember(scored.getValue(), scored.getScore()))
        .toList();
  }

  @Override
  public long exists(String... keys) {
    return command(c -> c.exists(keys));
  }

  /** The sync API (for tests that read Redis directly), built on the first call. */
  RedisClusterCommands<String, String> commands() {
    return commands.get();
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

  /** A plain command through the async API, awaited, failures mapped. */
  private <T> T command(
      Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
    return call(() -> await(command.apply(async)));
  }

  private <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new QueueUnavailable("Redis command failed: " + e.getMessage(), e);
    }
  }

  private <T> T await(RedisFuture<T> future) {
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RedisException redis) {
        throw redis;
      }
      throw new RedisException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RedisException("Redis did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new RedisException("interrupted while waiting for Redis", e);
    }
  }
}
