package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A message taken from the queue by one worker until {@code visibleUntil}. {@code attemptsMade}
 * counts consumed attempts before this claim; {@code sendStarted} says a previous holder began a
 * send and died, so the outcome of that send is unknown.
 */
public record Claim(
    QueuedMessage message,
    int attemptsMade,
    boolean sendStarted,
    String token,
    Instant visibleUntil) {

  public Claim {
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(token, "'token' must not be null");
    Objects.requireNonNull(visibleUntil, "'visibleUntil' must not be null");
    if (attemptsMade < 0) {
      throw new IllegalArgumentException("'attemptsMade' must not be negative");
    }
  }
}
