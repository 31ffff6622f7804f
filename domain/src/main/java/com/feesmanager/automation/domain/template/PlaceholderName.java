package com.feesmanager.automation.domain.template;

import java.util.Optional;

/** The placeholder names a template may use (SPEC §3); any other name makes the rule invalid. */
public enum PlaceholderName {
  STUDENT_NAME("studentName"),
  GUARDIAN_NAME("guardianName"),
  CLASS_NAME("className"),
  ACADEMY_NAME("academyName"),
  AMOUNT_DUE("amountDue"),
  TOTAL_DUE("totalDue"),
  MONTHS("months"),
  MONTH("month"),
  DUE_DATE("dueDate"),
  DAYS_OVERDUE("daysOverdue"),
  CURRENCY("currency");

  private final String key;

  PlaceholderName(String key) {
    this.key = key;
  }

  /** The name as written in a template, e.g. {@code studentName}. */
  public String key() {
    return key;
  }

  public static Optional<PlaceholderName> byKey(String key) {
    for (PlaceholderName name : values()) {
      if (name.key.equals(key)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
