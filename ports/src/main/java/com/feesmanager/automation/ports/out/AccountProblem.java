package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why something of an account does not run, as its heartbeat shows it to the owner (SPEC §8
 * heartbeat {@code problems}): {@code RULE_INVALID}, {@code DOCUMENT_UNREADABLE}, {@code
 * SESSION_TAKEN}, {@code REDIS_NOT_PERSISTENT}, … and since when.
 */
public record AccountProblem(
    String code,
    Optional<String> ruleId,
    Optional<String> studentId,
    String message,
    Instant since) {

  public AccountProblem {
    Objects.requireNonNull(code, "'code' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(since, "'since' must not be null");
  }

  /** What makes two reports the same problem (its {@code since} is kept from the first). */
  public String identity() {
    return code + "|" + ruleId.orElse("") + "|" + studentId.orElse("");
  }
}
