package com.feesmanager.automation.ports.in;

import java.time.Instant;
import java.util.Optional;

/**
 * SPEC §8: Firestore or Redis unreachable for longer than five minutes is alerted. The daemon
 * probes each store regularly and reports what it saw here.
 */
public interface WatchOutagesUseCase {

  /** The stores watched, with the alert event each raises. */
  enum Store {
    FIRESTORE("FIRESTORE_UNREACHABLE", "Firestore"),
    REDIS("REDIS_UNREACHABLE", "Redis");

    private final String event;
    private final String label;

    Store(String event, String label) {
      this.event = event;
      this.label = label;
    }

    /** The alert event, e.g. {@code FIRESTORE_UNREACHABLE}. */
    public String event() {
      return event;
    }

    /** The store's name in an alert's text. */
    public String label() {
      return label;
    }
  }

  /**
   * Records one probe of {@code store} at {@code now}; returns since when it has been down (empty
   * when it answered).
   */
  Optional<Instant> observe(Store store, boolean reachable, Instant now);
}
