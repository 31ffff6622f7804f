package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.rule.Occurrence;
import java.util.List;
import java.util.Objects;

/** Everything one occurrence of a rule would send, and whom it skips, with the matched count. */
public record ReminderPlan(
    Occurrence occurrence, int matched, List<PlannedMessage> messages, List<Skip> skips) {

  public ReminderPlan {
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    messages = List.copyOf(messages);
    skips = List.copyOf(skips);
    if (matched < 0) {
      throw new IllegalArgumentException("'matched' must not be negative");
    }
  }
}
