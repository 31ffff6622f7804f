package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the Lua scripts by digest (EVALSHA), falling back to EVAL, which also reloads the script,
 * when a node answers NOSCRIPT (restarted, failed over, or a cluster node that never saw it).
 * Lettuce failures become {@link QueueUnavailable}.
 */
final class Scripts {

  private final RedisClusterCommands<String, String> commands;

  /**
   * Scripts go through the async API and wait here: Lettuce's sync API is a reflective proxy, which
   * costs more per call than the script itself on the hot path.
   */
  private final RedisClusterAsyncCommands<String, String> async;

  private final long timeoutNanos;

  Scripts(
      RedisClusterCommands<String, String> commands,
      RedisClusterAsyncCommands<String, String> async,
      Duration timeout) {
    this.commands = commands;
    this.async = async;
    this.timeoutNanos = timeout.toNanos();
  }

  /** Loads every script once, so the first call of each is already an EVALSHA hit. */
  void loadAll() {
    call(
        () -> {
          for (Script script : Script.values()) {
            commands.scriptLoad(script.body());
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

  /** Plain commands, with the same error mapping. */
  <T> T call(Command<T> command) {
    try {
      return command.run();
    } catch (RedisException e) {
      throw new QueueUnavailable("Redis command failed: " + e.getMessage(), e);
    }
  }

  private <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
    try {
      try {
        return await(async.<T>evalsha(script.sha(), type, keys, args));
      } catch (RedisNoScriptException e) {
        return await(async.<T>eval(script.body(), type, keys, args));
      }
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

  RedisClusterCommands<String, String> commands() {
    return commands;
  }

  /** A Redis call that may throw Lettuce's exceptions. */
  @FunctionalInterface
  interface Command<T> {
    T run();
  }
}
