package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Audience;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The check of a queued message against the data as it is now, just before it is sent (SPEC §4):
 * the first reason not to send it, in the contract's order, or empty when it should go.
 */
public final class SendTimeCheck {

  private SendTimeCheck() {}

  /**
   * @param account the account now (empty when it is gone)
   * @param rule the rule's document now (empty when it is deleted)
   * @param students each student of the message by id, empty when deleted or unreadable
   * @param recipients the valid numbers a student's message goes to under an audience today
   */
  public static Optional<SkipReason> reasonNotToSend(
      Optional<AccountSettings> account,
      Optional<RuleDraft> rule,
      Map<String, Optional<Student>> students,
      PlannedMessage message,
      BiFunction<Student, Audience, List<PhoneNumber>> recipients) {
    Objects.requireNonNull(message, "'message' must not be null");
    if (account.isEmpty() || !account.get().automation().enabled()) {
      return Optional.of(SkipReason.AUTOMATION_DISABLED);
    }
    if (rule.isEmpty() || !rule.get().enabled()) {
      return Optional.of(SkipReason.RULE_DISABLED);
    }
    List<Optional<Student>> now =
        message.studentIds().stream()
            .map(id -> students.getOrDefault(id, Optional.empty()))
            .toList();
    if (now.stream().anyMatch(s -> s.isPresent() && s.get().optOut())) {
      return Optional.of(SkipReason.OPTED_OUT);
    }
    if (now.stream().anyMatch(s -> s.isEmpty() || !s.get().active())) {
      return Optional.of(SkipReason.STUDENT_INACTIVE);
    }
    Optional<Audience> audience = audience(rule.get());
    if (audience.isPresent()
        && now.stream()
            .anyMatch(s -> !recipients.apply(s.get(), audience.get()).contains(message.to()))) {
      return Optional.of(SkipReason.RECIPIENT_CHANGED);
    }
    for (MatchedFees fees : message.fees()) {
      Optional<Student> student = students.getOrDefault(fees.studentId(), Optional.empty());
      if (student.isPresent() && !Money.ZERO.equals(fees.balanceNow(student.get()))) {
        return Optional.empty();
      }
    }
    return Optional.of(SkipReason.PAID_SINCE_QUEUED);
  }

  /** The rule's audience (GUARDIAN by default); empty when the document now holds no valid one. */
  private static Optional<Audience> audience(RuleDraft rule) {
    String name = rule.audience().orElse(Audience.GUARDIAN.name());
    for (Audience candidate : Audience.values()) {
      if (candidate.name().equals(name)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
