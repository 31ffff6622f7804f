package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.QueueUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every call the adapters make to Redis, over one client library ({@link RedisDriver}): the Lua
 * scripts by digest (EVALSHA, falling back to EVAL, which also reloads the script, when a node
 * answers NOSCRIPT: restarted, failed over, or a cluster node that never saw it) and the few plain
 * commands. Script replies are the same Java values on every client: {@code Long} for an integer,
 * {@code String} for text, nested {@code List<Object>} for an array, {@code null} for nil. Any
 * failure of the client becomes {@link QueueUnavailable}.
 */
interface RedisCalls extends AutoCloseable {

  /**
   * Loads every script once, so the first call of each is already an EVALSHA hit; the loads are
   * pipelined or broadcast (not one round trip per script: this runs at every cold start).
   */
  void loadAll();

  /** The same calls over the same client(s), each waiting at most {@code timeout}. */
  RedisCalls withTimeout(Duration timeout);

  /** Runs {@code script}, whose reply is an integer. */
  long integer(Script script, String[] keys, String... args);

  /** Runs {@code script}, whose reply is text, or nil ({@code null}). */
  String text(Script script, String[] keys, String... args);

  /** Runs {@code script}, whose reply is an array (nested arrays as lists, nil as {@code null}). */
  List<Object> multi(Script script, String[] keys, String... args);

  String ping();

  /** The parameters Redis has, by name (an unknown one is absent). */
  Map<String, String> configGet(String... parameters);

  /** True when the key was set (it did not exist). */
  boolean setnx(String key, String value);

  long del(String key);

  Optional<String> get(String key);

  /** The fields of the hash that exist, by name. */
  Map<String, String> hmget(String key, String... fields);

  long sadd(String key, String member);

  Set<String> smembers(String key);

  long zcard(String key);

  List<ScoredMember> zrangeWithScores(String key, long start, long stop);

  /** How many of {@code keys} exist (on a Cluster they must share a slot). */
  long exists(String... keys);

  /** Closes the client(s); never throws. */
  @Override
  void close();
}
