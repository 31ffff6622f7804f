package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One fired occurrence (SPEC §1.5 {@code automationRuns/{ruleId}_{occurrence}}). */
public record RunSummary(
    String uid,
    String ruleId,
    String occurrence,
    Instant firedAt,
    int matched,
    int queued,
    int skipped,
    Optional<String> error) {

  public RunSummary {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(firedAt, "'firedAt' must not be null");
    Objects.requireNonNull(error, "'error' must not be null");
    if (matched < 0 || queued < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** {@code {ruleId}_{occurrence}}. */
  public String runId() {
    return ruleId + "_" + occurrence;
  }
}
