package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.message.Skip;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.OccurrenceCheck;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.rule.ScheduleCalculator;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OccurrenceClaims.ClaimOutcome;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires due occurrences (SPEC §2): for each enabled account and each valid rule, the latest
 * occurrence is claimed once across all processes, planned, enqueued and logged. An invalid rule or
 * an unreadable document is reported and the rest carries on; an account whose data cannot be read
 * is reported and retried at the next check (its claim is not taken).
 */
public final class FireDueOccurrencesService implements FireDueOccurrencesUseCase {

  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final StudentDirectory students;
  private final OccurrenceClaims claims;
  private final MessageQueue queue;
  private final DeliveryLog deliveryLog;
  private final RunLog runLog;
  private final Alerts alerts;
  private final DailyTally tally;
  private final ReminderPlanner planner;
  private final AutomationSettings settings;

  public FireDueOccurrencesService(
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      OccurrenceClaims claims,
      MessageQueue queue,
      DeliveryLog deliveryLog,
      RunLog runLog,
      Alerts alerts,
      DailyTally tally,
      ReminderPlanner planner,
      AutomationSettings settings) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.claims = Objects.requireNonNull(claims, "'claims' must not be null");
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.runLog = Objects.requireNonNull(runLog, "'runLog' must not be null");
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
    this.planner = Objects.requireNonNull(planner, "'planner' must not be null");
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
  }

  @Override
  public FireReport fireDueOccurrences(FireDueOccurrencesCommand command) {
    Instant at = command.at();
    List<OccurrenceReport> reports = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    AccountDirectory.AccountScan scan;
    try {
      scan = accounts.enabledAccounts();
    } catch (InfrastructureException e) {
      problems.add("accounts unavailable: " + e.getMessage());
      return new FireReport(reports, problems);
    }
    scan.problems().forEach(p -> problems.add(p.toString()));
    for (AccountSettings account : scan.accounts()) {
      try {
        new AccountRun(account, at, reports, problems).fire();
      } catch (InfrastructureException e) {
        problems.add("account " + account.uid() + " unavailable: " + e.getMessage());
      }
    }
    return new FireReport(reports, problems);
  }

  /** One account's pass: students are read at most once, and only when something is due. */
  private final class AccountRun {
    private final AccountSettings account;
    private final Instant at;
    private final List<OccurrenceReport> reports;
    private final List<String> problems;
    private List<Student> loadedStudents;
    private final List<String> studentProblems = new ArrayList<>();

    AccountRun(
        AccountSettings account,
        Instant at,
        List<OccurrenceReport> reports,
        List<String> problems) {
      this.account = account;
      this.at = at;
      this.reports = reports;
      this.problems = problems;
    }

    void fire() {
      RuleSource.RuleBook book = rules.rules(account.uid());
      book.problems().forEach(p -> problems.add(p.toString()));
      Map<String, Template> templates = book.templates();
      for (RuleDraft draft : book.rules()) {
        RuleCheck check = RuleValidator.validate(draft, templates);
        if (check instanceof RuleCheck.Invalid invalid) {
          reportInvalid(draft, invalid);
        } else if (check instanceof RuleCheck.Valid valid) {
          fireRule(valid.rule());
        }
      }
    }

    private void reportInvalid(RuleDraft draft, RuleCheck.Invalid invalid) {
      if (!draft.enabled()) {
        return;
      }
      List<String> reasons = invalid.problems().stream().map(Object::toString).toList();
      reports.add(
          new OccurrenceReport(
              account.uid(), draft.id(), "", Outcome.INVALID_RULE, 0, 0, 0, reasons));
      alerts.raise(
          new Alert(
              Alert.Level.WARNING,
              "RULE_INVALID",
              account.uid(),
              "Rule '" + invalid.ruleName() + "' is invalid: " + String.join("; ", reasons),
              at));
    }

    private void fireRule(Rule rule) {
      OccurrenceCheck check = ScheduleCalculator.check(rule, account, at, settings.misfireGrace());
      if (check instanceof OccurrenceCheck.Due due) {
        claimAndRun(rule, due.occurrence(), Outcome.FIRED);
      } else if (check instanceof OccurrenceCheck.Missed missed) {
        claimAndRun(rule, missed.occurrence(), Outcome.MISSED);
      } else if (check instanceof OccurrenceCheck.Holiday holiday) {
        claimAndRun(rule, holiday.occurrence(), Outcome.HOLIDAY);
      }
    }

    private void claimAndRun(Rule rule, Occurrence occurrence, Outcome outcome) {
      ClaimOutcome claim =
          claims.tryClaim(account.uid(), occurrence, at, settings.occurrenceLease());
      if (claim != ClaimOutcome.CLAIMED) {
        return;
      }
      RunSummary summary =
          switch (outcome) {
            case FIRED -> fireOccurrence(rule, occurrence);
            case MISSED -> emptyRun(rule, occurrence, "MISSED");
            default -> emptyRun(rule, occurrence, SkipReason.HOLIDAY.code());
          };
      runLog.record(summary);
      claims.complete(account.uid(), occurrence, at);
      reports.add(
          new OccurrenceReport(
              account.uid(),
              rule.id(),
              occurrence.localName(),
              outcome,
              summary.matched(),
              summary.queued(),
              summary.skipped(),
              List.of()));
    }

    private RunSummary emptyRun(Rule rule, Occurrence occurrence, String why) {
      return new RunSummary(
          account.uid(), rule.id(), occurrence.localName(), at, 0, 0, 0, Optional.of(why));
    }

    private RunSummary fireOccurrence(Rule rule, Occurrence occurrence) {
      ReminderPlan plan = planner.plan(account, rule, occurrence, students());
      String session = account.automation().wppSession();
      for (PlannedMessage message : plan.messages()) {
        QueuedMessage queued =
            new QueuedMessage(
                account.uid(),
                session,
                rule.id(),
                rule.name(),
                occurrence.localName(),
                message,
                at);
        // Enqueue first: a re-fire after a crash finds the key and writes nothing twice.
        if (queue.enqueue(queued, at)) {
          deliveryLog.record(MessageLogs.of(queued, MessageStatus.QUEUED, Optional.empty(), 0, at));
        }
      }
      LocalDate today = LocalDate.ofInstant(at, account.timezone());
      for (Skip skip : plan.skips()) {
        deliveryLog.record(
            MessageLogs.skipped(account.uid(), rule.id(), rule.name(), occurrence, skip, at));
        tally.count(account.uid(), today, DailyTally.Outcome.SKIPPED);
      }
      return new RunSummary(
          account.uid(),
          rule.id(),
          occurrence.localName(),
          at,
          plan.matched(),
          plan.messages().size(),
          plan.skips().size(),
          unreadableStudents());
    }

    /** Unreadable student documents are named in the run summary, where the web app sees them. */
    private Optional<String> unreadableStudents() {
      if (studentProblems.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          studentProblems.size()
              + " student document(s) could not be read: "
              + String.join(
                  "; ", studentProblems.subList(0, Math.min(10, studentProblems.size()))));
    }

    private List<Student> students() {
      if (loadedStudents == null) {
        List<Student> loaded = new ArrayList<>();
        students.forEachStudent(
            account.uid(),
            mapped -> {
              if (mapped instanceof Mapped.Ok<Student> ok) {
                loaded.add(ok.value());
              } else if (mapped instanceof Mapped.Broken<Student> broken) {
                broken.problems().forEach(p -> studentProblems.add(p.toString()));
              }
            });
        problems.addAll(studentProblems);
        loadedStudents = loaded;
      }
      return loadedStudents;
    }
  }
}
