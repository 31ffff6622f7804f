package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OccurrenceClaims.ClaimOutcome;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/** Accounts fired as tasks of an executor (issue 16): isolation, order and the shared scan. */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class FireDueOccurrencesConcurrencyTest {

  // 2026-11-20 10:00:05 in Karachi: a daily 10:00 rule is due.
  private static final Instant AT = Instant.parse("2026-11-20T05:00:05Z");
  private static final List<String> UIDS = List.of("a", "b", "c");

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
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    List<AccountSettings> list = UIDS.stream().map(Fixtures::otherAccount).toList();
    when(accounts.enabledAccounts()).thenReturn(new AccountScan(list, List.of()));
    for (String uid : UIDS) {
      when(rules.rules(uid))
          .thenReturn(
              new RuleSource.RuleBook(
                  List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")),
                  Map.of(),
                  List.of()));
      givenStudents(uid, () -> {});
    }
    when(claims.tryClaim(any(), any(), any(), any())).thenReturn(ClaimOutcome.CLAIMED);
    when(queue.enqueue(any(), any())).thenReturn(true);
    when(deliveryLog.record(any())).thenReturn(true);
  }

  @AfterEach
  void stopPool() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private void givenStudents(String uid, Runnable whileReading) {
    doAnswer(
            invocation -> {
              whileReading.run();
              Consumer<Mapped<Student>> each = invocation.getArgument(1);
              each.accept(
                  new Mapped.Ok<>(Fixtures.student("s1", "Ali Raza", "0300-1234567", 5000, 0)));
              return null;
            })
        .when(students)
        .forEachStudent(eq(uid), any());
  }

  /**
   * {@code uid}'s students s1…s{count}, each told to the listener as "{@code uid} handed i" once
   * the service took it, then {@code afterAll} on the reading thread, then "{@code uid} read".
   */
  private void givenStudents(String uid, int count, Runnable afterAll) {
    givenStudents(uid, () -> {}, count, afterAll);
  }

  /** As above, with {@code first} run on the reading thread before any student is handed. */
  private void givenStudents(String uid, Runnable first, int count, Runnable afterAll) {
    doAnswer(
            invocation -> {
              first.run();
              Consumer<Mapped<Student>> each = invocation.getArgument(1);
              for (int i = 1; i <= count; i++) {
                each.accept(
                    new Mapped.Ok<>(
                        Fixtures.student("s" + i, "Student " + i, "0300-123456" + i, 5000, 0)));
                heard.add(uid + " handed " + i);
              }
              afterAll.run();
              heard.add(uid + " read");
              return null;
            })
        .when(students)
        .forEachStudent(eq(uid), any());
  }

  /** {@code uid}'s rules, answered once the listener has heard {@code event}. */
  private void givenRulesReadOnceHeard(String uid, String event) {
    RuleSource.RuleBook book = rules.rules(uid);
    when(rules.rules(uid))
        .thenAnswer(
            invocation -> {
              awaitQuietly(() -> heard.contains(event));
              return book;
            });
  }

  /** What the listener heard of the accounts' occurrences, without the students' reads. */
  private List<String> fired() {
    return heard.stream().filter(h -> !h.contains(" ")).toList();
  }

  private FireDueOccurrencesService service(Executor executor) {
    return service(executor, FireDueOccurrencesService.LargeAccounts.UNLIMITED);
  }

  /**
   * Fired on a pool of {@code threads}, {@code atOnce} large accounts from {@code fromStudents}.
   */
  private FireDueOccurrencesService limited(int threads, int atOnce, int fromStudents) {
    pool = Executors.newFixedThreadPool(threads);
    return service(pool, new FireDueOccurrencesService.LargeAccounts(atOnce, fromStudents));
  }

  private FireDueOccurrencesService service(
      Executor executor, FireDueOccurrencesService.LargeAccounts large) {
    return new FireDueOccurrencesService(
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
        problems,
        executor,
        large);
  }

  private FireReport fire(Executor executor) {
    return service(executor)
        .fireDueOccurrences(
            new FireDueOccurrencesCommand(AT, Optional.empty(), r -> heard.add(r.uid())));
  }

  /** A permit never handed on would leave an account waiting for ever: bounded, not timed. */
  private FireReport fireBounded(FireDueOccurrencesService service) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            service.fireDueOccurrences(
                new FireDueOccurrencesCommand(AT, Optional.empty(), r -> heard.add(r.uid()))));
  }

  /** Holds every account's task and runs them last first once all are submitted. */
  private static Executor lastFirst(int tasks) {
    List<Runnable> held = new ArrayList<>();
    return task -> {
      held.add(task);
      if (held.size() == tasks) {
        for (int i = held.size() - 1; i >= 0; i--) {
          held.get(i).run();
        }
      }
    };
  }

  @Test
  void accounts_may_finish_in_any_order_and_the_report_keeps_the_scan_order() {
    FireReport report = fire(lastFirst(UIDS.size()));

    assertThat(heard).containsExactly("c", "b", "a");
    assertThat(report.occurrences())
        .extracting(OccurrenceReport::uid)
        .containsExactlyElementsOf(UIDS);
    assertThat(report.queued()).isEqualTo(3);
    verify(runLog, times(3)).record(any());
  }

  @Test
  void an_account_that_throws_stops_none_of_the_others_fired_beside_it() {
    when(rules.rules("b")).thenThrow(new ArithmeticException("long overflow"));

    FireReport report = fire(lastFirst(UIDS.size()));

    assertThat(report.occurrences())
        .extracting(r -> r.uid() + " " + r.outcome())
        .containsExactly("a FIRED", "c FIRED");
    assertThat(report.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("b", "ArithmeticException: long overflow"));
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("ACCOUNT_FAILED");
    assertThat(alert.getValue().account()).isEqualTo("b");
    assertThat(problems.of("b")).extracting(p -> p.code()).containsExactly("ACCOUNT_FAILED");
  }

  @Test
  void accounts_on_a_pool_are_fired_at_the_same_time() throws Exception {
    // each account's student read waits until all three are reading: only concurrent firing ends
    CyclicBarrier allReading = new CyclicBarrier(UIDS.size());
    for (String uid : UIDS) {
      givenStudents(uid, () -> awaitQuietly(allReading));
    }
    pool = Executors.newFixedThreadPool(UIDS.size());

    FireReport report = fire(pool);

    assertThat(report.problems()).isEmpty();
    assertThat(report.occurrences())
        .extracting(r -> r.uid() + " " + r.outcome())
        .containsExactly("a FIRED", "b FIRED", "c FIRED");
  }

  @Test
  void an_account_not_read_before_waits_for_a_permit_to_read_and_lets_it_go_once_found_small() {
    // all three would be small (one student, large from 100), but none has been read yet
    FireDueOccurrencesService service = limited(2, 1, 100);
    givenStudents("a", 1, () -> awaitQuietly(() -> service.waitingForLargePermit() == 1));
    givenStudents("b", 1, () -> {});
    givenStudents("c", 1, () -> {});
    // b asks for its permit once a holds it; a's enqueue then waits for b's read
    givenRulesReadOnceHeard("b", "a handed 1");
    when(queue.enqueue(argThat(q -> q != null && q.uid().equals("a")), any()))
        .thenAnswer(
            invocation -> {
              awaitQuietly(() -> heard.contains("b read"));
              return true;
            });

    FireReport report = fireBounded(service);

    assertThat(report.problems()).isEmpty();
    assertThat(fired()).containsExactlyInAnyOrder("a", "b", "c");
    // the reads one at a time; a's firing went on beside b's read
    assertThat(heard.stream().filter(h -> h.contains(" handed ") || h.endsWith(" read")))
        .containsExactly("a handed 1", "a read", "b handed 1", "b read", "c handed 1", "c read");
  }

  @Test
  void large_accounts_read_one_at_a_time_while_small_ones_fire_beside_them() {
    // a and b hand over two students each (large from two), c one; one large account at a time
    FireDueOccurrencesService service = limited(3, 1, 2);
    givenStudents("a", 2, () -> {});
    givenStudents("b", 2, () -> {});
    givenStudents("c", 1, () -> {});
    fireBounded(service); // the first pass learns which accounts are small
    heard.clear();
    givenStudents(
        "a",
        () -> heard.add("a reading"),
        2,
        () -> awaitQuietly(() -> service.waitingForLargePermit() == 1 && heard.contains("c")));
    // b asks for its permit once a holds one
    givenRulesReadOnceHeard("b", "a reading");

    FireReport report = fireBounded(service);

    // b waited before its read until a was done; c never waited
    assertThat(fired()).containsExactly("c", "a", "b");
    assertThat(heard.indexOf("b handed 1")).isGreaterThan(heard.indexOf("a"));
    assertThat(report.queued()).isEqualTo(5);
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void a_small_account_that_has_grown_waits_for_a_permit_once_it_is_large() {
    FireDueOccurrencesService service = limited(2, 1, 2);
    UIDS.forEach(uid -> givenStudents(uid, 1, () -> {}));
    fireBounded(service); // all three small
    heard.clear();
    givenStudents("a", 2, () -> awaitQuietly(() -> service.waitingForLargePermit() == 1));
    givenStudents("b", () -> awaitQuietly(() -> heard.contains("a handed 2")), 2, () -> {});

    fireBounded(service);

    // b read its first student beside a, and its second once a was done
    assertThat(heard).containsSubsequence("b handed 1", "a", "b handed 2", "b");
  }

  @Test
  void a_large_account_that_fails_hands_its_permit_on() {
    FireDueOccurrencesService service = limited(2, 1, 1);
    doAnswer(
            invocation -> {
              Consumer<Mapped<Student>> each = invocation.getArgument(1);
              each.accept(new Mapped.Ok<>(Fixtures.student("s1", "Ali", "0300-1234567", 5000, 0)));
              throw new StoreUnavailable("students stream broke");
            })
        .when(students)
        .forEachStudent(eq("a"), any());
    when(queue.enqueue(argThat(q -> q.uid().equals("b")), any()))
        .thenThrow(new IllegalStateException("queue full"));

    FireReport report = fireBounded(service);

    // a let go when its read failed, b when its rule threw: c still got a permit and fired
    assertThat(report.occurrences())
        .extracting(r -> r.uid() + " " + r.outcome())
        .containsExactly("c FIRED");
    assertThat(report.problems())
        .anySatisfy(p -> assertThat(p).contains("account a unavailable", "stream broke"))
        .anySatisfy(p -> assertThat(p).contains("b", "queue full"));
    assertThat(service.waitingForLargePermit()).isZero();
  }

  @Test
  void an_error_thrown_by_one_account_on_a_pool_is_its_problem_line_and_the_others_fire() {
    when(rules.rules("a")).thenThrow(new StackOverflowError("deep template"));
    pool = Executors.newFixedThreadPool(2);

    FireReport report = fire(pool);

    assertThat(report.occurrences())
        .extracting(r -> r.uid() + " " + r.outcome())
        .containsExactly("b FIRED", "c FIRED");
    assertThat(report.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("account a failed", "StackOverflowError"));
  }

  @Test
  void the_scan_handed_in_is_fired_without_asking_the_directory_again() {
    AccountScan handed = new AccountScan(List.of(Fixtures.otherAccount("b")), List.of());

    FireReport report =
        service(Runnable::run)
            .fireDueOccurrences(new FireDueOccurrencesCommand(AT, Optional.of(handed), r -> {}));

    verify(accounts, never()).enabledAccounts();
    assertThat(report.occurrences()).extracting(OccurrenceReport::uid).containsExactly("b");
  }

  @Test
  void a_listener_that_throws_is_a_problem_line_and_firing_goes_on() {
    FireReport report =
        service(Runnable::run)
            .fireDueOccurrences(
                new FireDueOccurrencesCommand(
                    AT,
                    Optional.empty(),
                    r -> {
                      throw new IllegalStateException("log appender broken");
                    }));

    assertThat(report.occurrences()).hasSize(3);
    assertThat(report.problems()).hasSize(3).allMatch(p -> p.contains("log appender broken"));
    verify(queue, times(3)).enqueue(any(), any());
  }

  /** Waits until {@code condition} holds: a guard against a hang, not a timing. */
  private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the accounts did not get where this test waits for");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
  }

  /** A guard against a hang if firing were sequential (the barrier then breaks), not a timing. */
  private static void awaitQuietly(CyclicBarrier barrier) {
    try {
      barrier.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("accounts were not fired at the same time", e);
    }
  }
}
