package com.feesmanager.automation.domain.message;

import java.util.Objects;
import java.util.Optional;

/**
 * Normalises a phone number as written by a user (SPEC §4): drops spaces, dashes, dots, brackets
 * and a leading '+', a leading "00"; replaces a single leading '0' by the default country code.
 *
 * <p>Beyond SPEC §4: tabs and non-breaking spaces count as spaces and square brackets as brackets
 * (numbers pasted from documents carry them); decimal digits of any script (Urdu's {@code ۰۳۰۰})
 * count as digits. Any other character (a letter, a '+' after the first digit, a slash) makes the
 * number invalid rather than guessing. The '+' is only dropped, so "+0300…" is treated like
 * "0300…".
 */
public final class PhoneNormaliser {

  private static final int MIN_DIGITS = 10;
  private static final int MAX_DIGITS = 15;

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
    Objects.requireNonNull(raw, "'raw' must not be null");
    StringBuilder digits = new StringBuilder(raw.length() + defaultCountryCode.length());
    boolean seenPlus = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int digit = Character.digit(c, 10);
      if (digit >= 0) {
        // Any script's decimal digits (e.g. Urdu's ۰۳۰۰) count, as ASCII.
        digits.append((char) ('0' + digit));
      } else if (c == '+' && digits.length() == 0 && !seenPlus) {
        seenPlus = true;
      } else if (!isSeparator(c)) {
        return Optional.empty();
      }
    }
    String normalised;
    if (digits.length() >= 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
      normalised = digits.substring(2);
    } else if (digits.length() >= 1 && digits.charAt(0) == '0') {
      normalised = defaultCountryCode + digits.substring(1);
    } else {
      normalised = digits.toString();
    }
    // No country code starts with 0, so what still starts with one (e.g. "000…") is a typo.
    if (normalised.length() < MIN_DIGITS
        || normalised.length() > MAX_DIGITS
        || normalised.charAt(0) == '0') {
      return Optional.empty();
    }
    return Optional.of(new PhoneNumber(normalised));
  }

  private static boolean isSeparator(char c) {
    return switch (c) {
      case ' ', '-', '.', '(', ')', '[', ']', '\u00a0', '\u2007', '\u202f', '\t' -> true;
      default -> false;
    };
  }
}
