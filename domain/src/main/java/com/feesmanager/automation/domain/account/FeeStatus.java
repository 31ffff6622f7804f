package com.feesmanager.automation.domain.account;

/** Payment status of one fee record (SPEC §1.2). */
public enum FeeStatus {
  PAID,
  PARTIAL,
  UNPAID
}
