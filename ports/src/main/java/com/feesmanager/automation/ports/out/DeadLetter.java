package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;

/** A message that used its last attempt, kept for an operator to inspect or requeue. */
public record DeadLetter(QueuedMessage message, int attempts, String reason, Instant diedAt) {

  public DeadLetter {
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
    Objects.requireNonNull(diedAt, "'diedAt' must not be null");
  }
}
