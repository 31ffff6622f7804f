package com.feesmanager.automation.application;

import static com.feesmanager.automation.application.Fixtures.UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.Outcome;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OccurrenceClaims.ClaimOutcome;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class FireDueOccurrencesServiceTest {

  // 2026-11-20 10:00:05 in Karachi: a daily 10:00 rule is due.
  private static final Instant AT = Instant.parse("2026-11-20T05:00:05Z");

  @Mock AccountDirectory accounts;
  @Mock RuleSource rules;
  @Mock StudentDirectory students;
  @Mock OccurrenceClaims claims;
  @Mock MessageQueue queue;
  @Mock DeliveryLog deliveryLog;
  @Mock RunLog runLog;
  @Mock Alerts alerts;
  @Mock DailyTally tally;

  private final AccountProblems problems = new AccountProblems();
  private FireDueOccurrencesService service;

  @BeforeEach
  void setUp() {
    service =
        new FireDueOccurrencesService(
            accounts,
            rules,
            students,
            claims,
            queue,
            deliveryLog,
            runLog,
            alerts,
            tally,
            new ReminderPlanner(new PhoneNormaliser("92")),
            AutomationSettings.defaults(),
            problems);
    givenAccounts(Fixtures.account());
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.CLAIMED);
    when(queue.enqueue(any(), any())).thenReturn(true);
    when(deliveryLog.record(any())).thenReturn(true);
    givenStudents(
        new Mapped.Ok<>(Fixtures.student("s1", "Ali Raza", "0300-1234567", 5000, 0)),
        new Mapped.Ok<>(Fixtures.student("s2", "Bilal Ahmed", "12", 3000, 1000)),
        new Mapped.Ok<>(Fixtures.student("s3", "Sara Khan", "+92 321 7654321", 4000, 4000)));
  }

  private void givenAccounts(AccountSettings... list) {
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(list), List.of()));
  }

  private void givenRules(RuleDraft... drafts) {
    when(rules.rules(UID))
        .thenReturn(new RuleSource.RuleBook(List.of(drafts), Map.of(), List.of()));
  }

  @SafeVarargs
  private void givenStudents(Mapped<Student>... list) {
    doAnswer(
            invocation -> {
              Consumer<Mapped<Student>> each = invocation.getArgument(1);
              List.of(list).forEach(each);
              return null;
            })
        .when(students)
        .forEachStudent(eq(UID), any());
  }

  private FireReport fire() {
    return service.fireDueOccurrences(new FireDueOccurrencesCommand(AT));
  }

  private List<MessageLog> logs() {
    ArgumentCaptor<MessageLog> captor = ArgumentCaptor.forClass(MessageLog.class);
    verify(deliveryLog, org.mockito.Mockito.atLeast(0)).record(captor.capture());
    return captor.getAllValues();
  }

  @Test
  void a_due_occurrence_is_claimed_planned_enqueued_logged_and_summarised() {
    // given
    givenRules(Fixtures.dailyDraft("overdue", "Dear {guardianName}, {amountDue} is due."));

    // when
    FireReport report = fire();

    // then Ali is queued, Bilal's bad number is skipped, Sara has paid and is not matched
    ArgumentCaptor<QueuedMessage> queued = ArgumentCaptor.forClass(QueuedMessage.class);
    verify(queue).enqueue(queued.capture(), eq(AT));
    assertThat(queued.getValue().message().to().digits()).isEqualTo("923001234567");
    assertThat(queued.getValue().message().body())
        .isEqualTo("Dear Guardian of Ali Raza, PKR 5,000 is due.");
    assertThat(queued.getValue().occurrence()).isEqualTo("2026-11-20T10:00");
    assertThat(queued.getValue().session()).isEqualTo(Fixtures.SESSION);

    assertThat(logs())
        .extracting(MessageLog::studentId, MessageLog::status, MessageLog::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("s1", MessageStatus.QUEUED, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                "s2", MessageStatus.SKIPPED, Optional.of("INVALID_PHONE")));

    ArgumentCaptor<RunSummary> summary = ArgumentCaptor.forClass(RunSummary.class);
    verify(runLog).record(summary.capture());
    assertThat(summary.getValue().runId()).isEqualTo("overdue_2026-11-20T10:00");
    assertThat(summary.getValue().matched()).isEqualTo(2);
    assertThat(summary.getValue().queued()).isEqualTo(1);
    assertThat(summary.getValue().skipped()).isEqualTo(1);
    assertThat(summary.getValue().error()).isEmpty();
    verify(claims).complete(eq(UID), any(), eq(AT));
    verify(tally).count(UID, LocalDate.of(2026, 11, 20), DailyTally.Outcome.SKIPPED);
    assertThat(report.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.FIRED));
  }

  @Test
  void the_first_queued_message_is_told_after_its_queued_log_before_the_skips_and_run_record() {
    givenRules(Fixtures.dailyDraft("overdue", "Dear {guardianName}, {amountDue} is due."));
    @SuppressWarnings("unchecked")
    java.util.function.Consumer<String> firstQueued =
        org.mockito.Mockito.mock(java.util.function.Consumer.class);

    service.fireDueOccurrences(
        new FireDueOccurrencesCommand(AT, Optional.empty(), r -> {}, firstQueued));

    String session = Fixtures.account().automation().wppSession();
    org.mockito.InOrder order =
        org.mockito.Mockito.inOrder(queue, deliveryLog, firstQueued, runLog);
    order.verify(queue).enqueue(any(), eq(AT));
    order
        .verify(deliveryLog)
        .record(org.mockito.ArgumentMatchers.argThat(l -> l.status() == MessageStatus.QUEUED));
    order.verify(firstQueued).accept(session);
    order
        .verify(deliveryLog)
        .record(org.mockito.ArgumentMatchers.argThat(l -> l.status() == MessageStatus.SKIPPED));
    order.verify(runLog).record(any());
    verify(firstQueued, org.mockito.Mockito.times(1)).accept(any());
  }

  @Test
  void an_occurrence_that_queued_nothing_new_tells_no_first_message() {
    givenRules(Fixtures.dailyDraft("overdue", "Dear {guardianName}, {amountDue} is due."));
    when(queue.enqueue(any(), any())).thenReturn(false); // queued before a crash: nothing new
    @SuppressWarnings("unchecked")
    java.util.function.Consumer<String> firstQueued =
        org.mockito.Mockito.mock(java.util.function.Consumer.class);

    service.fireDueOccurrences(
        new FireDueOccurrencesCommand(AT, Optional.empty(), r -> {}, firstQueued));

    verify(firstQueued, never()).accept(any());
  }

  @Test
  void an_occurrence_claimed_elsewhere_sends_nothing_here() {
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.DONE);

    FireReport report = fire();

    verify(queue, never()).enqueue(any(), any());
    verify(runLog, never()).record(any());
    assertThat(report.occurrences()).isEmpty();
  }

  @Test
  void a_message_already_queued_is_not_logged_again() {
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    when(queue.enqueue(any(), any())).thenReturn(false);

    fire();

    assertThat(logs()).extracting(MessageLog::status).containsOnly(MessageStatus.SKIPPED);
  }

  @Test
  void an_invalid_rule_is_reported_and_alerted_while_the_other_rule_fires() {
    // given
    givenRules(
        Fixtures.dailyDraft("broken", "Dear {parentName}"),
        Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));

    // when
    FireReport report = fire();

    // then
    assertThat(report.occurrences())
        .extracting(r -> r.ruleId(), r -> r.outcome())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broken", Outcome.INVALID_RULE),
            org.assertj.core.groups.Tuple.tuple("overdue", Outcome.FIRED));
    assertThat(report.occurrences().get(0).problems()).anyMatch(p -> p.contains("parentName"));
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("RULE_INVALID");
    verify(queue).enqueue(any(), any());
  }

  @Test
  void a_broken_student_document_is_reported_and_the_rest_are_messaged() {
    // given
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    givenStudents(
        new Mapped.Broken<>(
            List.of(
                new DocumentProblem(
                    "users/academy-1/students/s9", "fees[0].dueDate", "not a date: 31-11-2026"))),
        new Mapped.Ok<>(Fixtures.student("s1", "Ali Raza", "03001234567", 5000, 0)));

    // when
    FireReport report = fire();

    // then
    verify(queue).enqueue(any(), any());
    assertThat(report.problems()).anyMatch(p -> p.contains("s9") && p.contains("fees[0].dueDate"));
    ArgumentCaptor<RunSummary> summary = ArgumentCaptor.forClass(RunSummary.class);
    verify(runLog).record(summary.capture());
    assertThat(summary.getValue().error()).hasValueSatisfying(e -> assertThat(e).contains("s9"));
  }

  @Test
  void an_unreadable_account_is_reported_and_other_accounts_still_fire() {
    // given
    AccountSettings other =
        new AccountSettings(
            "academy-2", "Other", Fixtures.KARACHI, "PKR", Fixtures.account().automation());
    givenAccounts(other, Fixtures.account());
    when(rules.rules("academy-2")).thenThrow(new StoreUnavailable("deadline exceeded"));
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));

    // when
    FireReport report = fire();

    // then
    assertThat(report.problems()).anyMatch(p -> p.contains("academy-2"));
    verify(queue).enqueue(any(), any());
  }

  @Test
  void an_occurrence_older_than_the_misfire_grace_is_reported_missed_and_sends_nothing() {
    // given 17:00 Karachi: 10:00 was 7 hours ago, grace is 6 hours
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    Instant late = Instant.parse("2026-11-20T12:00:00Z");

    // when
    FireReport report = service.fireDueOccurrences(new FireDueOccurrencesCommand(late));

    // then
    verify(queue, never()).enqueue(any(), any());
    assertThat(report.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.MISSED));
    ArgumentCaptor<RunSummary> summary = ArgumentCaptor.forClass(RunSummary.class);
    verify(runLog).record(summary.capture());
    assertThat(summary.getValue().error()).contains("MISSED");
  }

  @Test
  void an_occurrence_on_a_holiday_is_skipped_as_HOLIDAY() {
    givenAccounts(Fixtures.account(Optional.empty(), Set.of(LocalDate.of(2026, 11, 20))));
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));

    FireReport report = fire();

    verify(queue, never()).enqueue(any(), any());
    assertThat(report.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.HOLIDAY));
  }

  // --- isolation (SPEC §2) --------------------------------------------------------------------

  private AccountSettings brokenAccountBeforeTheSoundOne() {
    AccountSettings broken = Fixtures.otherAccount("broken");
    givenAccounts(broken, Fixtures.account());
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    return broken;
  }

  @Test
  void any_exception_of_one_account_is_reported_and_the_next_account_fires() {
    // given an account whose rules throw something that is not an infrastructure failure
    brokenAccountBeforeTheSoundOne();
    when(rules.rules("broken")).thenThrow(new ArithmeticException("long overflow"));

    // when
    FireReport report = fire();

    // then the sound account fires in the same pass
    verify(queue).enqueue(any(), any());
    assertThat(report.occurrences())
        .extracting(r -> r.uid() + " " + r.outcome())
        .containsExactly(UID + " FIRED");
    assertThat(report.problems())
        .anyMatch(p -> p.contains("broken") && p.contains("ArithmeticException: long overflow"));
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("ACCOUNT_FAILED");
    assertThat(alert.getValue().account()).isEqualTo("broken");
    assertThat(problems.of("broken"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("ACCOUNT_FAILED");
              assertThat(p.ruleId()).isEmpty();
              assertThat(p.message()).contains("ArithmeticException");
              assertThat(p.since()).isEqualTo(AT);
            });
    assertThat(problems.of(UID)).isEmpty();
  }

  @Test
  void a_rule_whose_firing_throws_is_reported_with_its_id_and_stays_shown_until_it_runs_through() {
    // given the broken account's students cannot be planned (an unexpected exception)
    brokenAccountBeforeTheSoundOne();
    when(rules.rules("broken"))
        .thenReturn(
            new RuleSource.RuleBook(
                List.of(Fixtures.dailyDraft("monthly-due", "Fees due: {amountDue}")),
                Map.of(),
                List.of()));
    doAnswer(
            invocation -> {
              throw new IllegalStateException("unexpected");
            })
        .when(students)
        .forEachStudent(eq("broken"), any());

    // when it fails, then a minute later nothing is due any more (the claim is still leased)
    fire();
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.IN_PROGRESS);
    service.fireDueOccurrences(new FireDueOccurrencesCommand(AT.plusSeconds(60)));

    // then the sound account fired, and the failure is still in the broken one's problems
    verify(queue).enqueue(any(), any());
    verify(claims, never()).complete(eq("broken"), any(), any());
    assertThat(problems.of("broken"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("ACCOUNT_FAILED");
              assertThat(p.ruleId()).contains("monthly-due");
            });
  }

  @Test
  void invalid_rules_and_unreadable_documents_are_the_accounts_problems_for_its_heartbeat() {
    // given
    when(rules.rules(UID))
        .thenReturn(
            new RuleSource.RuleBook(
                List.of(
                    Fixtures.dailyDraft("broken", "Dear {parentName}"),
                    Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")),
                Map.of(),
                List.of(
                    new DocumentProblem(
                        "users/academy-1/automationRules/weekly", "schedule", "must be a map"),
                    new DocumentProblem("users/academy-1/templates/t1", "body", "is required"))));
    givenStudents(
        new Mapped.Broken<>(
            List.of(
                new DocumentProblem(
                    "users/academy-1/students/s9",
                    "fees[0].amount",
                    "must be at most 10^12, found 50000000000000000"))),
        new Mapped.Ok<>(Fixtures.student("s1", "Ali Raza", "03001234567", 5000, 0)));

    // when
    fire();

    // then
    assertThat(problems.of(UID))
        .extracting(p -> p.code() + " " + p.ruleId().orElse("-") + " " + p.studentId().orElse("-"))
        .containsExactlyInAnyOrder(
            "DOCUMENT_UNREADABLE weekly -",
            "DOCUMENT_UNREADABLE - -",
            "RULE_INVALID broken -",
            "DOCUMENT_UNREADABLE - s9");
    assertThat(problems.of(UID))
        .filteredOn(p -> p.studentId().isPresent())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("fees[0].amount", "10^12"));
  }

  @Test
  void student_problems_stay_shown_in_minutes_that_read_no_students_and_go_once_mended() {
    // given a broken student found when the rule fired
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    givenStudents(
        new Mapped.Broken<>(
            List.of(new DocumentProblem("users/academy-1/students/s9", "name", "is required"))));
    fire();

    // when a minute later nothing is due (students are not read)
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.DONE);
    service.fireDueOccurrences(new FireDueOccurrencesCommand(AT.plusSeconds(60)));

    // then the student is still shown
    assertThat(problems.of(UID)).extracting(p -> p.studentId().orElse("-")).containsExactly("s9");

    // and when the next occurrence reads the students again, mended, it is gone
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.CLAIMED);
    givenStudents(new Mapped.Ok<>(Fixtures.student("s9", "Sara Khan", "03001234567", 5000, 0)));
    service.fireDueOccurrences(new FireDueOccurrencesCommand(AT.plusSeconds(86_400)));
    assertThat(problems.of(UID)).isEmpty();
  }

  @Test
  void an_account_no_longer_enabled_has_its_problems_forgotten() {
    // given
    givenRules(Fixtures.dailyDraft("broken", "Dear {parentName}"));
    fire();
    assertThat(problems.of(UID)).isNotEmpty();

    // when
    givenAccounts();
    fire();

    // then
    assertThat(problems.of(UID)).isEmpty();
  }

  // --- the run record is consulted (SPEC §2) ----------------------------------------------------

  @Test
  void an_occurrence_with_a_run_record_is_done_even_when_the_claim_was_lost() {
    // given Redis lost the done mark (CLAIMED again) but Firestore has the run record
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    RunSummary recorded =
        new RunSummary(
            UID, "overdue", "2026-11-20T10:00", AT.minusSeconds(1), 1, 1, 1, Optional.empty());
    when(runLog.find(UID, "overdue", "2026-11-20T10:00")).thenReturn(Optional.of(recorded));

    // when
    FireReport report = fire();

    // then nothing is planned, queued or rewritten, and the claim is done
    verify(queue, never()).enqueue(any(), any());
    verify(deliveryLog, never()).record(any());
    verify(runLog, never()).record(any());
    verify(claims).complete(eq(UID), any(), eq(AT));
    assertThat(report.occurrences())
        .singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.ALREADY_CLAIMED));
  }

  @Test
  void a_recorded_occurrence_past_the_grace_is_not_rewritten_as_MISSED() {
    // given 17:00 Karachi (past the grace) and a run record of the 10:00 firing
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    when(runLog.find(UID, "overdue", "2026-11-20T10:00"))
        .thenReturn(
            Optional.of(
                new RunSummary(UID, "overdue", "2026-11-20T10:00", AT, 3, 1, 1, Optional.empty())));

    // when
    service.fireDueOccurrences(
        new FireDueOccurrencesCommand(Instant.parse("2026-11-20T12:00:00Z")));

    // then
    verify(runLog, never()).record(any());
    verify(claims).complete(eq(UID), any(), any());
  }

  @Test
  void a_run_record_that_cannot_be_read_fires_nothing_now() {
    // given
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    when(runLog.find(any(), any(), any())).thenThrow(new StoreUnavailable("deadline exceeded"));

    // when
    FireReport report = fire();

    // then retried later (the claim's lease runs out), within the misfire grace
    verify(queue, never()).enqueue(any(), any());
    verify(claims, never()).complete(any(), any(), any());
    assertThat(report.problems()).anyMatch(p -> p.contains(UID) && p.contains("unavailable"));
  }

  // --- the rule books handed to the heartbeat (issue 16) ------------------------------------

  @Test
  void the_report_hands_on_the_rule_book_of_each_account_whose_rules_it_read() {
    // given three accounts: one read, one whose read fails, one whose read throws a bug
    AccountSettings unavailable = Fixtures.otherAccount("unavailable");
    AccountSettings broken = Fixtures.otherAccount("broken");
    givenAccounts(unavailable, Fixtures.account(), broken);
    RuleSource.RuleBook book =
        new RuleSource.RuleBook(
            List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")), Map.of(), List.of());
    when(rules.rules(UID)).thenReturn(book);
    when(rules.rules("unavailable")).thenThrow(new StoreUnavailable("deadline exceeded"));
    when(rules.rules("broken")).thenThrow(new ArithmeticException("long overflow"));

    // when
    FireReport report = fire();

    // then only the book read is handed on: the others' heartbeats read their rules themselves
    assertThat(report.ruleBooks()).containsExactly(Map.entry(UID, book));
    verify(rules).rules(UID);
  }

  @Test
  void an_account_whose_firing_fails_after_its_rules_were_read_still_hands_on_its_book() {
    // given the students cannot be read: the account is unavailable this minute
    RuleSource.RuleBook book =
        new RuleSource.RuleBook(
            List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")), Map.of(), List.of());
    when(rules.rules(UID)).thenReturn(book);
    doAnswer(
            invocation -> {
              throw new StoreUnavailable("students: deadline exceeded");
            })
        .when(students)
        .forEachStudent(eq(UID), any());

    // when
    FireReport report = fire();

    // then the book was read at the minute all the same
    assertThat(report.problems()).anyMatch(p -> p.contains(UID + " unavailable"));
    assertThat(report.ruleBooks()).containsExactly(Map.entry(UID, book));
  }

  @Test
  void the_scanned_accounts_rules_are_asked_for_ahead_in_scan_order_before_any_is_read() {
    // given
    givenAccounts(Fixtures.account(), Fixtures.otherAccount("academy-2"));
    givenRules(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}"));
    when(rules.rules("academy-2"))
        .thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));

    // when
    fire();

    // then
    org.mockito.InOrder order = org.mockito.Mockito.inOrder(rules);
    order.verify(rules).readAhead(List.of(UID, "academy-2"));
    order.verify(rules, org.mockito.Mockito.atLeastOnce()).rules(any());
  }

  @Test
  void rules_that_cannot_be_asked_for_ahead_are_read_when_the_account_fires() {
    // given
    givenRules(Fixtures.dailyDraft("overdue", "Dear {guardianName}, {amountDue} is due."));
    org.mockito.Mockito.doThrow(new IllegalStateException("no room")).when(rules).readAhead(any());

    // when
    FireReport report = fire();

    // then
    assertThat(report.occurrences()).hasSize(1);
    assertThat(report.occurrences().get(0).outcome()).isEqualTo(Outcome.FIRED);
    verify(queue).enqueue(any(), eq(AT));
  }
}
