package com.feesmanager.automation.domain.message;

import java.util.Objects;
import java.util.Optional;

/**
 * Normalises a phone number as written by a user (SPEC §4): drops spaces, dashes, dots, brackets
 * and a leading '+', a leading "00"; replaces a single leading '0' by the default country code.
 */
public final class PhoneNormaliser {

  private final String defaultCountryCode;

  public PhoneNormaliser(String defaultCountryCode) {
    Objects.requireNonNull(defaultCountryCode, "'defaultCountryCode' must not be null");
    if (defaultCountryCode.isEmpty()
        || defaultCountryCode.length() > 4
        || !defaultCountryCode.chars().allMatch(c -> c >= '0' && c <= '9')
        || defaultCountryCode.charAt(0) == '0') {
      throw new IllegalArgumentException("a country code is 1–4 digits, not starting with 0");
    }
    this.defaultCountryCode = defaultCountryCode;
  }

  /** The normalised number, or empty when the input cannot be one (INVALID_PHONE). */
  public Optional<PhoneNumber> normalise(String raw) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
