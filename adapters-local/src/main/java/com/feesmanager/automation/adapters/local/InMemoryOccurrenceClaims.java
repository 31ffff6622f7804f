package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * In-process occurrence claims: leases per (account, rule, local date-time), kept for the life of
 * the process. Completed occurrences are remembered for good, so nothing ever fires twice here.
 */
public final class InMemoryOccurrenceClaims implements OccurrenceClaims {

  private final Map<OccurrenceId, State> states = new HashMap<>();

  @Override
  public synchronized ClaimOutcome tryClaim(
      String uid, Occurrence occurrence, Instant now, Duration lease) {
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(lease, "'lease' must not be null");
    OccurrenceId id = OccurrenceId.of(uid, occurrence);
    State state = states.get(id);
    if (state != null && state.done()) {
      return ClaimOutcome.DONE;
    }
    if (state != null && state.leaseUntil().isAfter(now)) {
      return ClaimOutcome.IN_PROGRESS;
    }
    states.put(id, new State(false, now.plus(lease)));
    return ClaimOutcome.CLAIMED;
  }

  @Override
  public synchronized void complete(String uid, Occurrence occurrence, Instant now) {
    Objects.requireNonNull(now, "'now' must not be null");
    states.put(OccurrenceId.of(uid, occurrence), new State(true, now));
  }

  /** The identity of an occurrence: its rule and local date-time, never the instant (SPEC §2). */
  private record OccurrenceId(String uid, String ruleId, LocalDateTime scheduledFor) {
    static OccurrenceId of(String uid, Occurrence occurrence) {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(occurrence, "'occurrence' must not be null");
      return new OccurrenceId(uid, occurrence.ruleId(), occurrence.scheduledFor());
    }
  }

  private record State(boolean done, Instant leaseUntil) {}
}
