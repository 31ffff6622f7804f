package com.feesmanager.automation.domain.message;

import java.util.Objects;

/** A normalised recipient number: 10–15 digits with country code, no '+' (SPEC §4). */
public record PhoneNumber(String digits) {

  public PhoneNumber {
    Objects.requireNonNull(digits, "'digits' must not be null");
    if (digits.length() < 10 || digits.length() > 15 || !isAsciiDigits(digits)) {
      throw new IllegalArgumentException("a phone number is 10–15 digits");
    }
  }

  // A loop rather than a stream: numbers are built once per student in every plan.
  private static boolean isAsciiDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** For logs: the first five and last two digits, the rest as '*' ({@code 92300*****67}). */
  public String masked() {
    int hidden = digits.length() - 7;
    return digits.substring(0, 5) + "*".repeat(hidden) + digits.substring(digits.length() - 2);
  }

  @Override
  public String toString() {
    return masked();
  }
}
