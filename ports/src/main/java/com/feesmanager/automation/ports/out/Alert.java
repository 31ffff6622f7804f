package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert for operators (SPEC §8): {@code event} is the kind (e.g. {@code MESSAGE_DEAD}, {@code
 * UNKNOWN_OUTCOME}, {@code RULE_INVALID}, {@code SESSION_DOWN}); {@code account} the uid or empty
 * for process-wide events.
 */
public record Alert(Level level, String event, String account, String text, Instant at) {

  public Alert {
    Objects.requireNonNull(level, "'level' must not be null");
    Objects.requireNonNull(event, "'event' must not be null");
    Objects.requireNonNull(account, "'account' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(at, "'at' must not be null");
  }

  /** How urgent. */
  public enum Level {
    WARNING,
    CRITICAL
  }
}
