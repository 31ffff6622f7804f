package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.Heartbeat;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** In-process daily counts per account. */
public final class InMemoryDailyTally implements DailyTally {

  private final Map<Day, AtomicLongArray> counts = new ConcurrentHashMap<>();

  @Override
  public void count(String uid, LocalDate day, Outcome outcome) {
    Objects.requireNonNull(outcome, "'outcome' must not be null");
    counts
        .computeIfAbsent(new Day(uid, day), d -> new AtomicLongArray(Outcome.values().length))
        .incrementAndGet(outcome.ordinal());
  }

  @Override
  public Heartbeat.DayCounts counts(String uid, LocalDate day) {
    AtomicLongArray found = counts.get(new Day(uid, day));
    if (found == null) {
      return new Heartbeat.DayCounts(0, 0, 0);
    }
    return new Heartbeat.DayCounts(
        found.get(Outcome.SENT.ordinal()),
        found.get(Outcome.FAILED.ordinal()),
        found.get(Outcome.SKIPPED.ordinal()));
  }

  private record Day(String uid, LocalDate day) {
    Day {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(day, "'day' must not be null");
    }
  }
}
