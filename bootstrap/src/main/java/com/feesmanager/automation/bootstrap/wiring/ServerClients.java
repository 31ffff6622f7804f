package com.feesmanager.automation.bootstrap.wiring;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig;
import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisDriver;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.adapters.wppconnect.WppConnectConfig;
import com.feesmanager.automation.adapters.wppconnect.WppConnectGateway;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.Secret;
import com.feesmanager.automation.domain.document.AccountDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The three server clients of a process (Redis, Firestore, wppconnect-server), opened from the
 * configuration and closed together, Firestore's pending log writes flushed first.
 */
public final class ServerClients implements AutoCloseable {

  /** How long closing waits for Firestore's write-behind queue, unless told otherwise. */
  public static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(10);

  private final RedisConnection redis;
  private final FirestoreConnection firestore;
  private final WppConnectConfig wppconnect;
  private WppConnectGateway gateway;
  private boolean closed;

  private ServerClients(
      RedisConnection redis, FirestoreConnection firestore, WppConnectConfig wppconnect) {
    this.redis = Objects.requireNonNull(redis, "'redis' must not be null");
    this.firestore = Objects.requireNonNull(firestore, "'firestore' must not be null");
    this.wppconnect = Objects.requireNonNull(wppconnect, "'wppconnect' must not be null");
  }

  /**
   * Opens the clients: Redis on this thread while Firestore is built on another (each costs a few
   * hundred milliseconds of class loading at a cold start, so a one-shot tick waits for the slower
   * one only); the wppconnect client is built on first use (a tick with nothing to deliver never
   * needs it). A setting a client refuses is an {@link IllegalArgumentException} with one line
   * naming it; when both fail, Redis's failure is the one reported.
   */
  public static ServerClients open(
      AutomationConfig config, FirestoreConfig firestoreConfig, Clock clock) {
    AccountDefaults defaults = accountDefaults(config);
    WppConnectConfig wppconnect = wppconnectConfig(config);
    FutureTask<FirestoreConnection> firestore =
        new FutureTask<>(() -> FirestoreConnection.open(firestoreConfig, defaults, clock));
    Thread opener = new Thread(firestore, "firestore-open");
    opener.setDaemon(true);
    opener.start();
    RedisConnection redis;
    try {
      redis = RedisConnection.open(redisSettings(config));
    } catch (RuntimeException e) {
      closeWhenOpened(firestore);
      throw e;
    }
    try {
      return new ServerClients(redis, awaitOpened(firestore), wppconnect);
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  private static FirestoreConnection awaitOpened(FutureTask<FirestoreConnection> firestore) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return firestore.get();
        } catch (InterruptedException e) {
          // Opening is bounded by the client's own set-up; the caller learns of the interrupt.
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeWhenOpened(FutureTask<FirestoreConnection> firestore) {
    try {
      awaitOpened(firestore).close();
    } catch (RuntimeException e) {
      // The Redis failure is the one to report; a Firestore that did not open holds nothing.
    }
  }

  /**
   * Redis as every process of the project reaches it: through Jedis, whatever the footing. Lettuce
   * (the adapter's other driver) brings Netty and Reactor: 260–460 ms of a cold tick's CPU, and ≈
   * 10 MiB of a daemon's resident memory (docs/redis.md, "Two clients").
   */
  public static RedisSettings redisSettings(AutomationConfig config) {
    return RedisSettings.of(config.redisUrl().reveal())
        .withTimeouts(config.visibilityTimeout(), config.dedupeRetention())
        .withDriver(RedisDriver.JEDIS);
  }

  /** The wppconnect-server client's settings (URL, token or secret key, timeout). */
  public static WppConnectConfig wppconnectConfig(AutomationConfig config) {
    return WppConnectConfig.of(
            config.wppconnect().serverUrl(),
            config.wppconnect().token().map(Secret::reveal),
            config.wppconnect().secretKey().map(Secret::reveal))
        .withTimeout(config.wppconnect().timeout());
  }

  /** SPEC §1.1's environment defaults for account documents. */
  public static AccountDefaults accountDefaults(AutomationConfig config) {
    return new AccountDefaults(
        config.tz(),
        config.wppconnect().defaultSession(),
        config.limits().maxPerHour(),
        config.limits().maxPerDay());
  }

  public RedisConnection redis() {
    return redis;
  }

  public FirestoreConnection firestore() {
    return firestore;
  }

  /**
   * The wppconnect client, built on the first call (its HTTP client and TLS set-up are not free).
   */
  public synchronized WppConnectGateway gateway() {
    if (gateway == null) {
      gateway = new WppConnectGateway(wppconnect);
    }
    return gateway;
  }

  /**
   * Builds the wppconnect client on a background thread for a caller that needs it later (a tick's
   * heartbeat asks each session's state): the JDK's HTTP client and TLS classes, about a thousand,
   * load while the caller works. A client that fails to build here is built, and fails, again on
   * first use, where it is reported.
   */
  public void prepareGateway() {
    Thread preparer =
        new Thread(
            () -> {
              try {
                gatewayUnlessClosed();
              } catch (RuntimeException e) {
                // reported by the first real use
              }
            },
            "wppconnect-prepare");
    preparer.setDaemon(true);
    preparer.start();
  }

  private synchronized void gatewayUnlessClosed() {
    if (!closed) {
      gateway();
    }
  }

  private synchronized void closeGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public void close() {
    close(FLUSH_ON_CLOSE);
  }

  /**
   * Commits Firestore's waiting writes for up to {@code flushWithin} (what a stop's budget left),
   * then closes every client; a second call does nothing.
   */
  public void close(Duration flushWithin) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      firestore.close(flushWithin);
    } finally {
      try {
        closeGateway();
      } finally {
        redis.close();
      }
    }
  }
}
