package com.feesmanager.automation.domain.rule;

import java.util.Objects;

/** One reason a rule is invalid: the field concerned (dotted path) and a human reason. */
public record RuleProblem(String field, String reason) {

  public RuleProblem {
    Objects.requireNonNull(field, "'field' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
