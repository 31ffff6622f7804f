package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.template.PlaceholderName;
import java.util.Objects;

/** Why a matched student gets no message; the code is the contract with the web app (SPEC §1.4). */
public record SkipReason(String code) {

  public static final SkipReason OPTED_OUT = new SkipReason("OPTED_OUT");
  public static final SkipReason NO_PHONE = new SkipReason("NO_PHONE");
  public static final SkipReason INVALID_PHONE = new SkipReason("INVALID_PHONE");
  public static final SkipReason BODY_TOO_LONG = new SkipReason("BODY_TOO_LONG");
  public static final SkipReason PAID_SINCE_QUEUED = new SkipReason("PAID_SINCE_QUEUED");
  public static final SkipReason HOLIDAY = new SkipReason("HOLIDAY");
  // Found just before sending (SPEC §4), in the order they are checked.
  public static final SkipReason AUTOMATION_DISABLED = new SkipReason("AUTOMATION_DISABLED");
  public static final SkipReason RULE_DISABLED = new SkipReason("RULE_DISABLED");
  public static final SkipReason STUDENT_INACTIVE = new SkipReason("STUDENT_INACTIVE");
  public static final SkipReason RECIPIENT_CHANGED = new SkipReason("RECIPIENT_CHANGED");

  public SkipReason {
    Objects.requireNonNull(code, "'code' must not be null");
    if (code.isBlank()) {
      throw new IllegalArgumentException("'code' must not be blank");
    }
  }

  public static SkipReason missingValue(PlaceholderName name) {
    return new SkipReason("MISSING_VALUE:" + name.key());
  }

  @Override
  public String toString() {
    return code;
  }
}
