package com.feesmanager.automation.runner.daemon.logging;

import com.feesmanager.automation.domain.message.PhoneNumber;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks every run of 10–15 digits (optionally after a '+') that stands on its own (not inside a
 * word or a hex key) the way {@link PhoneNumber#masked()} does ({@code 92300*****67}), so a number
 * that slipped into a message never reaches a log line.
 */
public final class PhoneMasking {

  // Whole runs only: a 16-digit id is not a phone, and masking part of it would mislead; nor is
  // a run of digits inside a hex message key (letters on either side), which an operator must be
  // able to look up.
  private static final Pattern PHONE =
      Pattern.compile("(?<![0-9A-Za-z])(\\+?)([0-9]{10,15})(?![0-9A-Za-z])");

  private PhoneMasking() {}

  /** The text with every phone-like run of digits masked; the same text when there is none. */
  public static String mask(String text) {
    if (text == null || text.length() < 10) {
      return text;
    }
    Matcher matcher = PHONE.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder masked = new StringBuilder(text.length());
    do {
      String replacement = matcher.group(1) + new PhoneNumber(matcher.group(2)).masked();
      matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
    } while (matcher.find());
    matcher.appendTail(masked);
    return masked.toString();
  }
}
