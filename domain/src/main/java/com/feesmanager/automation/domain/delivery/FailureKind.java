package com.feesmanager.automation.domain.delivery;

/** How a failed send attempt counts: worth retrying, or final at once. */
public enum FailureKind {
  RETRYABLE,
  PERMANENT
}
