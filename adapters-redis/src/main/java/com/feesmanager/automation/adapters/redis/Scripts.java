package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Lua scripts by digest (EVALSHA), falling back to EVAL, which also reloads the script,
 * when a node answers NOSCRIPT (restarted, failed over, or a cluster node that never saw it).
 * Lettuce failures become {@link QueueUnavailable}.
 */
final class Scripts {

  private static final Logger LOG = LoggerFactory.getLogger(Scripts.class);

  /** Lettuce's sync API, built on first use (a reflective proxy; see {@link #command}). */
  private final Supplier<RedisClusterCommands<String, String>> commands;

  /**
   * Scripts go through the async API and wait here: Lettuce's sync API is a reflective proxy, which
   * costs more per call than the script itself on the hot path.
   */
  private final RedisClusterAsyncCommands<String, String> async;

  private final long timeoutNanos;

  Scripts(
      Supplier<RedisClusterCommands<String, String>> commands,
      RedisClusterAsyncCommands<String, String> async,
      Duration timeout) {
    this.commands = commands;
    this.async = async;
    this.timeoutNanos = timeout.toNanos();
  }

  /** The same scripts over the same connection, each call waiting at most {@code timeout}. */
  Scripts withTimeout(Duration timeout) {
    return new Scripts(commands, async, timeout);
  }

  /**
   * Loads every script once, so the first call of each is already an EVALSHA hit; the loads are
   * pipelined (one round trip, not one per script: this runs at every cold start).
   */
  void loadAll() {
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

  long integer(Script script, String[] keys, String... args) {
    Long result = run(script, ScriptOutputType.INTEGER, keys, args);
    return result;
  }

  String text(Script script, String[] keys, String... args) {
    return run(script, ScriptOutputType.VALUE, keys, args);
  }

  List<Object> multi(Script script, String[] keys, String... args) {
    return run(script, ScriptOutputType.MULTI, keys, args);
  }

  /**
   * A plain command through the async API, awaited, with the same error mapping: the adapters never
   * touch the sync API, so a process that only ticks never generates its proxy.
   */
  <T> T command(Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
    return call(() -> await(command.apply(async)));
  }

  /** Plain commands, with the same error mapping. */
  <T> T call(Command<T> command) {
    try {
      return command.run();
    } catch (RedisException e) {
      throw new QueueUnavailable("Redis command failed: " + e.getMessage(), e);
    }
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
      if (LOG.isDebugEnabled()) {
        // the lateness timeline (scripts/lateness-timeline.sh): which calls a send waits on
        LOG.debug("redis script {} took {} ms", script, (System.nanoTime() - started) / 1_000_000);
      }
      return result;
    } catch (RedisException e) {
      throw new QueueUnavailable("Redis script " + script + " failed: " + e.getMessage(), e);
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

  /** The sync API (for tests), built on the first call. */
  RedisClusterCommands<String, String> commands() {
    return commands.get();
  }

  /** A Redis call that may throw Lettuce's exceptions. */
  @FunctionalInterface
  interface Command<T> {
    T run();
  }
}
