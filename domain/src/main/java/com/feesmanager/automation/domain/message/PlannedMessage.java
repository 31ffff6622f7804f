package com.feesmanager.automation.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * One rendered message for one recipient of an occurrence. {@code studentIds} and {@code
 * studentNames} are in name order; {@code fees} say what to re-check before sending.
 */
public record PlannedMessage(
    MessageKey key,
    List<String> studentIds,
    List<String> studentNames,
    PhoneNumber to,
    String body,
    List<MatchedFees> fees) {

  public PlannedMessage {
    Objects.requireNonNull(key, "'key' must not be null");
    studentIds = List.copyOf(studentIds);
    studentNames = List.copyOf(studentNames);
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(body, "'body' must not be null");
    fees = List.copyOf(fees);
    if (studentIds.isEmpty() || studentIds.size() != studentNames.size()) {
      throw new IllegalArgumentException("a message names one or more students, id and name each");
    }
  }
}
