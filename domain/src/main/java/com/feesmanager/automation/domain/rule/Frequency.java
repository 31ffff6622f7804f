package com.feesmanager.automation.domain.rule;

/** How often a rule fires. */
public enum Frequency {
  DAILY,
  WEEKLY,
  MONTHLY
}
