package com.feesmanager.automation.domain.rule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One scheduled firing of a rule: identified by the rule and the local date-time it was scheduled
 * for (so a repeated DST hour never fires twice), plus the instant it fires at.
 */
public record Occurrence(String ruleId, LocalDateTime scheduledFor, Instant firesAt) {

  public Occurrence {
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(scheduledFor, "'scheduledFor' must not be null");
    Objects.requireNonNull(firesAt, "'firesAt' must not be null");
    if (scheduledFor.getSecond() != 0 || scheduledFor.getNano() != 0) {
      throw new IllegalArgumentException("'scheduledFor' must be whole minutes");
    }
  }

  /** ISO local date-time without seconds, e.g. {@code 2026-11-10T10:00}: the occurrence's name. */
  public String localName() {
    return scheduledFor.toString();
  }

  /** {@code {ruleId}_{occurrence}}, the id of the run summary document (SPEC §1.5). */
  public String runId() {
    return ruleId + "_" + localName();
  }
}
