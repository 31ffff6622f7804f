package com.feesmanager.automation.domain.message;

import java.util.Objects;
import java.util.Optional;

/** A matched student who gets no message, with the one reason (SPEC §1.4 order). */
public record Skip(
    String studentId, String studentName, Optional<PhoneNumber> to, SkipReason reason) {

  public Skip {
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    Objects.requireNonNull(studentName, "'studentName' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
  }
}
