package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.rule.ScheduleCalculator;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an occurrence would send, reading only (SPEC §8 {@code preview}). The rule is evaluated on
 * the local date of the instant even when its latest occurrence fell on an earlier day, so a user
 * can ask "who would get this today?".
 */
public final class PreviewOccurrenceService implements PreviewOccurrenceUseCase {

  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final StudentDirectory students;
  private final ReminderPlanner planner;

  public PreviewOccurrenceService(
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      ReminderPlanner planner) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.planner = Objects.requireNonNull(planner, "'planner' must not be null");
  }

  @Override
  public Preview preview(PreviewCommand command) {
    Optional<AccountSettings> found = accounts.account(command.uid());
    if (found.isEmpty()) {
      return new Preview.NotFound("account " + command.uid());
    }
    AccountSettings account = found.get();
    RuleSource.RuleBook book = rules.rules(account.uid());
    Optional<RuleDraft> draft =
        book.rules().stream().filter(r -> r.id().equals(command.ruleId())).findFirst();
    if (draft.isEmpty()) {
      return new Preview.NotFound("rule " + command.ruleId() + " of account " + command.uid());
    }
    RuleCheck check = RuleValidator.validate(draft.get(), book.templates());
    if (check instanceof RuleCheck.Invalid invalid) {
      return new Preview.InvalidRule(invalid.ruleId(), invalid.problems());
    }
    Rule rule = ((RuleCheck.Valid) check).rule();
    Optional<Occurrence> latest =
        ScheduleCalculator.latestAtOrBefore(
            rule.id(), rule.schedule(), account.timezone(), command.at());
    LocalDateTime localNow =
        LocalDateTime.ofInstant(command.at(), account.timezone()).truncatedTo(ChronoUnit.MINUTES);
    Occurrence evaluated =
        latest
            .filter(o -> o.scheduledFor().toLocalDate().equals(localNow.toLocalDate()))
            .orElse(new Occurrence(rule.id(), localNow, command.at()));
    ReminderPlan plan = planner.plan(account, rule, evaluated, readStudents(account.uid()));
    return new Preview.Planned(rule.id(), latest.map(Occurrence::localName), plan);
  }

  private List<Student> readStudents(String uid) {
    List<Student> all = new ArrayList<>();
    students.forEachStudent(
        uid,
        mapped -> {
          if (mapped instanceof Mapped.Ok<Student> ok) {
            all.add(ok.value());
          }
        });
    return all;
  }
}
