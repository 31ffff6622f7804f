package com.feesmanager.automation.runner.daemon.wiring;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig;
import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.adapters.wppconnect.WppConnectConfig;
import com.feesmanager.automation.adapters.wppconnect.WppConnectGateway;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig;
import com.feesmanager.automation.runner.daemon.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The three server clients of a process (Redis, Firestore, wppconnect-server), opened from the
 * configuration and closed together, Firestore's pending log writes flushed first.
 */
public final class ServerClients implements AutoCloseable {

  /** How long closing waits for Firestore's write-behind queue. */
  static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(10);

  private final RedisConnection redis;
  private final FirestoreConnection firestore;
  private final WppConnectGateway gateway;

  private ServerClients(
      RedisConnection redis, FirestoreConnection firestore, WppConnectGateway gateway) {
    this.redis = Objects.requireNonNull(redis, "'redis' must not be null");
    this.firestore = Objects.requireNonNull(firestore, "'firestore' must not be null");
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
  }

  /**
   * Opens the clients; each connects lazily or cheaply. A setting a client refuses is an {@link
   * IllegalArgumentException} with one line naming it.
   */
  public static ServerClients open(
      AutomationConfig config, FirestoreConfig firestoreConfig, Clock clock) {
    AccountDefaults defaults = accountDefaults(config);
    RedisConnection redis =
        RedisConnection.open(
            RedisSettings.of(config.redisUrl().reveal())
                .withTimeouts(config.visibilityTimeout(), config.dedupeRetention()));
    try {
      FirestoreConnection firestore = FirestoreConnection.open(firestoreConfig, defaults, clock);
      WppConnectGateway gateway =
          new WppConnectGateway(
              WppConnectConfig.of(
                      config.wppconnect().serverUrl(),
                      config.wppconnect().token().map(Secret::reveal),
                      config.wppconnect().secretKey().map(Secret::reveal))
                  .withTimeout(config.wppconnect().timeout()));
      return new ServerClients(redis, firestore, gateway);
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
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

  public WppConnectGateway gateway() {
    return gateway;
  }

  @Override
  public void close() {
    try {
      firestore.flush(FLUSH_ON_CLOSE);
    } finally {
      try {
        firestore.close();
      } finally {
        try {
          gateway.close();
        } finally {
          redis.close();
        }
      }
    }
  }
}
