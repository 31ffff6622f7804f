package com.feesmanager.automation.ports.out.contract;

import com.feesmanager.automation.ports.out.RunSummary;
import java.time.Instant;
import java.util.Optional;

/** Test data: a {@link RunSummary} of one fired occurrence. */
public final class RunSummaryBuilder {

  private String uid = "academy-1";
  private String ruleId = "overdue-daily";
  private String occurrence = "2026-11-10T10:00";
  private Instant firedAt = Instant.parse("2026-11-10T05:00:02Z");
  private int matched = 3;
  private int queued = 2;
  private int skipped = 1;
  private Optional<String> error = Optional.empty();

  private RunSummaryBuilder() {}

  public static RunSummaryBuilder aRunSummary() {
    return new RunSummaryBuilder();
  }

  public RunSummaryBuilder forAccount(String value) {
    this.uid = value;
    return this;
  }

  public RunSummaryBuilder ofRule(String value) {
    this.ruleId = value;
    return this;
  }

  /** The occurrence's local name, e.g. {@code 2026-11-10T10:00}. */
  public RunSummaryBuilder forOccurrence(String value) {
    this.occurrence = value;
    return this;
  }

  public RunSummaryBuilder firedAt(Instant value) {
    this.firedAt = value;
    return this;
  }

  public RunSummaryBuilder withCounts(int matchedCount, int queuedCount, int skippedCount) {
    this.matched = matchedCount;
    this.queued = queuedCount;
    this.skipped = skippedCount;
    return this;
  }

  public RunSummaryBuilder withError(String value) {
    this.error = Optional.of(value);
    return this;
  }

  public RunSummary build() {
    return new RunSummary(uid, ruleId, occurrence, firedAt, matched, queued, skipped, error);
  }
}
