package com.feesmanager.automation.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recent sends of one session (oldest first, at least the last 24 hours' worth) and the
 * earliest instant the next send may happen (last send + its jittered minimum gap).
 */
public record SendHistory(List<Instant> sends, Optional<Instant> notBefore) {

  public SendHistory {
    sends = List.copyOf(sends);
    Objects.requireNonNull(notBefore, "'notBefore' must not be null");
  }

  public static SendHistory empty() {
    return new SendHistory(List.of(), Optional.empty());
  }
}
