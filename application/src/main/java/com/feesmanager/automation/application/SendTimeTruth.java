package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.message.SendTimeCheck;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what a queued message depends on as it is now (its rule and students) and asks {@link
 * SendTimeCheck} whether it should still go. A store that cannot answer throws its {@link
 * com.feesmanager.automation.ports.out.InfrastructureException}: the caller holds the message.
 */
public final class SendTimeTruth {

  private final RuleSource rules;
  private final StudentDirectory students;
  private final ReminderPlanner planner;

  public SendTimeTruth(RuleSource rules, StudentDirectory students, ReminderPlanner planner) {
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.planner = Objects.requireNonNull(planner, "'planner' must not be null");
  }

  /**
   * The first reason not to send {@code queued} now (SPEC §4), or empty when it should go; {@code
   * account} is the account as just read (empty when it is gone).
   */
  public Optional<SkipReason> reasonNotToSend(
      QueuedMessage queued, Optional<AccountSettings> account) {
    if (account.isEmpty() || !account.get().automation().enabled()) {
      // nothing else is read for an account that is switched off
      return SendTimeCheck.reasonNotToSend(
          account, Optional.empty(), Map.of(), queued.message(), planner::recipients);
    }
    Optional<RuleDraft> rule =
        rules.rules(queued.uid()).rules().stream()
            .filter(draft -> draft.id().equals(queued.ruleId()))
            .findFirst();
    Map<String, Optional<Student>> now = new LinkedHashMap<>();
    if (rule.isPresent() && rule.get().enabled()) {
      for (String studentId : queued.message().studentIds()) {
        now.put(studentId, students.student(queued.uid(), studentId));
      }
    }
    return SendTimeCheck.reasonNotToSend(account, rule, now, queued.message(), planner::recipients);
  }
}
