package com.feesmanager.automation.domain.rule;

/** Who receives a rule's message: the guardian, the student, or both (SPEC §1.4). */
public enum Audience {
  GUARDIAN,
  STUDENT,
  BOTH
}
