package com.feesmanager.automation.domain.template;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.rule.StudentMatch;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formatted value of each placeholder for one message; a name without a value (absent or blank)
 * is missing and rendering falls back or skips.
 */
public final class MessageValues {

  private final String[] values;

  private MessageValues(String[] values) {
    this.values = values;
  }

  /** Values from a map; names not in it are missing. */
  public static MessageValues of(Map<PlaceholderName, String> values) {
    String[] array = new String[PlaceholderName.values().length];
    values.forEach((name, value) -> array[name.ordinal()] = value);
    return new MessageValues(array);
  }

  /** The values for one student's message (SPEC §3). */
  public static MessageValues forStudent(AccountSettings account, StudentMatch match) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * The values for one consolidated message: students in name order, names joined "A, B and C",
   * sums, union of months, earliest month and due date, largest daysOverdue (SPEC §3).
   */
  public static MessageValues consolidated(AccountSettings account, List<StudentMatch> matches) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** The value of {@code name}, empty when absent or blank. */
  public Optional<String> get(PlaceholderName name) {
    String value = values[name.ordinal()];
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** All present values, for tests and previews. */
  public Map<PlaceholderName, String> asMap() {
    Map<PlaceholderName, String> map = new EnumMap<>(PlaceholderName.class);
    for (PlaceholderName name : PlaceholderName.values()) {
      get(name).ifPresent(value -> map.put(name, value));
    }
    return map;
  }
}
