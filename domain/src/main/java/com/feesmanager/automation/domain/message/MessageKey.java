package com.feesmanager.automation.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * The deterministic identity of one message (SPEC §4): a stable hash of account, rule, occurrence,
 * student ids (sorted) and recipient. Also the message log's document id.
 */
public record MessageKey(String value) {

  public MessageKey {
    Objects.requireNonNull(value, "'value' must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("'value' must not be blank");
    }
  }

  public static MessageKey of(
      String uid, String ruleId, String occurrence, List<String> studentIds, PhoneNumber to) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * The key of a student skipped for want of a usable number (NO_PHONE, or INVALID_PHONE when there
   * is nothing to normalise): the same fields with an empty recipient.
   */
  public static MessageKey withoutRecipient(
      String uid, String ruleId, String occurrence, List<String> studentIds) {
    throw new UnsupportedOperationException("to be implemented");
  }

  @Override
  public String toString() {
    return value;
  }
}
