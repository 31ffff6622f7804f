package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import java.util.Objects;

/**
 * Plans an occurrence: matches students (criteria on the occurrence's local date), picks recipients
 * by audience, renders, consolidates per recipient when the rule says so, and keys each message;
 * every matched student who cannot be messaged becomes a {@link Skip}.
 */
public final class ReminderPlanner {

  private final PhoneNormaliser phones;

  public ReminderPlanner(PhoneNormaliser phones) {
    this.phones = Objects.requireNonNull(phones, "'phones' must not be null");
  }

  public ReminderPlan plan(
      AccountSettings account, Rule rule, Occurrence occurrence, Iterable<Student> students) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
