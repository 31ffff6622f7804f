package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.in.WatchOutagesUseCase;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SPEC §8: Firestore or Redis unreachable for longer than five minutes is alerted. The owner (the
 * daemon) probes each store regularly and reports what it saw; an alert is raised at every
 * observation past the threshold, and the alert channel's de-duplication keeps it to one per 15
 * minutes.
 */
public final class OutageWatch implements WatchOutagesUseCase {

  /** SPEC §8: a store down for longer than this is alerted. */
  public static final Duration ALERT_AFTER = Duration.ofMinutes(5);

  private final Alerts alerts;
  private final Duration alertAfter;
  private final Map<Store, Instant> downSince = new EnumMap<>(Store.class);

  public OutageWatch(Alerts alerts, Duration alertAfter) {
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.alertAfter = Objects.requireNonNull(alertAfter, "'alertAfter' must not be null");
    if (alertAfter.isNegative()) {
      throw new IllegalArgumentException("'alertAfter' must not be negative");
    }
  }

  @Override
  public synchronized Optional<Instant> observe(Store store, boolean reachable, Instant now) {
    Objects.requireNonNull(store, "'store' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    if (reachable) {
      downSince.remove(store);
      return Optional.empty();
    }
    Instant since = downSince.computeIfAbsent(store, s -> now);
    if (Duration.between(since, now).compareTo(alertAfter) >= 0) {
      alerts.raise(
          new Alert(
              Alert.Level.CRITICAL,
              store.event(),
              "",
              store.label()
                  + " has been unreachable since "
                  + since
                  + "; occurrences and deliveries that need it wait",
              now));
    }
    return Optional.of(since);
  }
}
