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
    int length = raw.length();
    char[] digits = new char[length];
    int count = 0;
    boolean seenPlus = false;
    for (int i = 0; i < length; i++) {
      char c = raw.charAt(i);
      int digit = Character.digit(c, 10);
      if (digit >= 0) {
        // Any script's decimal digits (e.g. Urdu's ۰۳۰۰) count, as ASCII.
        digits[count++] = (char) ('0' + digit);
      } else if (c == '+' && count == 0 && !seenPlus) {
        seenPlus = true;
      } else if (!isSeparator(c)) {
        return Optional.empty();
      }
    }
    int start = 0;
    String prefix = "";
    if (count >= 2 && digits[0] == '0' && digits[1] == '0') {
      start = 2;
    } else if (count >= 1 && digits[0] == '0') {
      start = 1;
      prefix = defaultCountryCode;
    }
    int total = prefix.length() + count - start;
    if (total < MIN_DIGITS || total > MAX_DIGITS) {
      return Optional.empty();
    }
    // No country code starts with 0, so what still starts with one (e.g. "000…") is a typo.
    if (prefix.isEmpty() && digits[start] == '0') {
      return Optional.empty();
    }
    char[] normalised = new char[total];
    prefix.getChars(0, prefix.length(), normalised, 0);
    System.arraycopy(digits, start, normalised, prefix.length(), count - start);
    return Optional.of(new PhoneNumber(new String(normalised)));
  }

  private static boolean isSeparator(char c) {
    return switch (c) {
      case ' ', '-', '.', '(', ')', '[', ']', '\u00a0', '\u2007', '\u202f', '\t' -> true;
      default -> false;
    };
  }
}
