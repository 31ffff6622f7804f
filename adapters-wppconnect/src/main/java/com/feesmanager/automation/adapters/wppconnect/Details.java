package com.feesmanager.automation.adapters.wppconnect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes server text safe for details and logs: phone-length digit runs are masked like {@code
 * PhoneNumber.masked()} (the 400 body names the number), and long bodies are cut short.
 */
final class Details {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{10,}");
  private static final int MAX_LENGTH = 160;

  private Details() {}

  static String safe(String text) {
    Matcher matcher = DIGIT_RUN.matcher(text.replaceAll("\\s+", " ").trim());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String digits = matcher.group();
      String masked =
          digits.substring(0, 5)
              + "*".repeat(digits.length() - 7)
              + digits.substring(digits.length() - 2);
      matcher.appendReplacement(out, masked);
    }
    matcher.appendTail(out);
    return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH) + "…";
  }

  static String safe(byte[] body) {
    return safe(new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }
}
