package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.WatchOutagesUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SPEC §8: probes Redis and Firestore (past the outage cache) for the outage alerts. */
final class StoreWatch implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final WatchOutagesUseCase outages;
  private final BooleanSupplier redisReachable;
  private final BooleanSupplier firestoreReachable;
  private final Clock clock;

  StoreWatch(
      WatchOutagesUseCase outages,
      BooleanSupplier redisReachable,
      BooleanSupplier firestoreReachable,
      Clock clock) {
    this.outages = Objects.requireNonNull(outages, "'outages' must not be null");
    this.redisReachable = Objects.requireNonNull(redisReachable, "'redisReachable' is null");
    this.firestoreReachable =
        Objects.requireNonNull(firestoreReachable, "'firestoreReachable' is null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  @Override
  public void run() {
    TaskGuard.probed("store probe", this::probe);
  }

  private void probe() {
    Instant now = clock.instant();
    outages
        .observe(WatchOutagesUseCase.Store.REDIS, redisReachable.getAsBoolean(), now)
        .ifPresent(since -> LOG.warn("Redis unreachable since {}", since));
    outages
        .observe(WatchOutagesUseCase.Store.FIRESTORE, firestoreReachable.getAsBoolean(), now)
        .ifPresent(since -> LOG.warn("Firestore unreachable since {}", since));
  }
}
