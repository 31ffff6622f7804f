package com.feesmanager.automation.application;

import static com.feesmanager.automation.application.Fixtures.SESSION;
import static com.feesmanager.automation.application.Fixtures.UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.PublishHeartbeatCommand;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PublishHeartbeatServiceTest {

  // 2026-11-20 12:00 in Karachi
  private static final Instant NOW = Instant.parse("2026-11-20T07:00:00Z");

  @Mock AccountDirectory accounts;
  @Mock RuleSource rules;
  @Mock QueueMonitor queue;
  @Mock DailyTally tally;
  @Mock StatusBoard board;
  @Mock OperatorHolds holds;
  private final AccountProblems problems = new AccountProblems();

  @BeforeEach
  void oneAccount() {
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(Fixtures.account()), List.of()));
    // lenient: some tests count otherwise
    lenient()
        .when(queue.countsByAccount(SESSION, NOW))
        .thenReturn(Map.of(UID, new QueueCounts(3, 2, 1, 0)));
    when(tally.counts(UID, LocalDate.of(2026, 11, 20)))
        .thenReturn(new Heartbeat.DayCounts(5, 1, 2));
  }

  private Heartbeat publish(Map<String, GatewayState> gateway) {
    new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
        .publishHeartbeats(
            new PublishHeartbeatCommand(
                NOW, "host-1", "0.1.0", gateway, Optional.empty(), Map.of()));
    ArgumentCaptor<Heartbeat> heartbeat = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq(UID), heartbeat.capture());
    return heartbeat.getValue();
  }

  @Test
  void the_accounts_of_a_scan_handed_in_get_their_heartbeat_without_a_query_of_its_own() {
    reset(accounts); // the caller's scan is the only one (a tick's, issue 16)
    AccountDirectory.AccountScan scan =
        new AccountDirectory.AccountScan(List.of(Fixtures.account()), List.of());

    List<String> written =
        new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
            .publishHeartbeats(
                new PublishHeartbeatCommand(
                    NOW, "host-1", "0.1.0", Map.of(), Optional.of(scan), Map.of()));

    assertThat(written).containsExactly(UID);
    verify(accounts, never()).enabledAccounts();
  }

  @Test
  void an_account_the_operator_holds_shows_the_hold_among_its_problems_since_it_began() {
    // given
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));
    Instant since = NOW.minusSeconds(3600);
    when(holds.heldSince(UID)).thenReturn(Optional.of(since));

    // when
    Heartbeat heartbeat = publish(Map.of());

    // then
    assertThat(heartbeat.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("OPERATOR_HOLD");
              assertThat(p.since()).isEqualTo(since);
              assertThat(p.message()).contains("until released");
            });
  }

  @Test
  void the_heartbeat_carries_queue_today_gateway_and_next_runs() {
    // given a daily 10:00 rule: its next run is tomorrow 10:00 Karachi
    when(rules.rules(UID))
        .thenReturn(
            new RuleSource.RuleBook(
                List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")),
                Map.of(),
                List.of()));
    Instant checked = NOW.minusSeconds(90);

    // when
    Heartbeat heartbeat =
        publish(Map.of(SESSION, new GatewayState(SessionState.CONNECTED, checked)));

    // then
    assertThat(heartbeat.heartbeatAt()).isEqualTo(NOW);
    assertThat(heartbeat.instance()).isEqualTo("host-1");
    assertThat(heartbeat.version()).isEqualTo("0.1.0");
    assertThat(heartbeat.gatewayStatus()).isEqualTo(SessionState.CONNECTED);
    assertThat(heartbeat.gatewayCheckedAt()).isEqualTo(checked);
    assertThat(heartbeat.queue()).isEqualTo(new QueueCounts(3, 2, 1, 0));
    assertThat(heartbeat.today()).isEqualTo(new Heartbeat.DayCounts(5, 1, 2));
    assertThat(heartbeat.nextRuns())
        .containsExactly(new Heartbeat.NextRun("overdue", Instant.parse("2026-11-21T05:00:00Z")));
  }

  @Test
  void next_runs_pass_over_the_accounts_holidays() {
    // given tomorrow (2026-11-21) is a holiday: the daily 10:00 rule next runs the day after
    AccountSettings onHoliday =
        Fixtures.account(Optional.empty(), Set.of(LocalDate.of(2026, 11, 21)));
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(onHoliday), List.of()));
    when(rules.rules(UID))
        .thenReturn(
            new RuleSource.RuleBook(
                List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")),
                Map.of(),
                List.of()));

    // when
    Heartbeat heartbeat = publish(Map.of());

    // then
    assertThat(heartbeat.nextRuns())
        .containsExactly(new Heartbeat.NextRun("overdue", Instant.parse("2026-11-22T05:00:00Z")));
  }

  @Test
  void each_account_on_a_shared_session_sees_its_own_queue_counts_from_one_count() {
    // given a second account naming the same session (held as SESSION_TAKEN)
    AccountSettings intruder = Fixtures.otherAccount("intruder");
    AccountSettings sameSession =
        new AccountSettings(
            intruder.uid(),
            intruder.academyName(),
            intruder.timezone(),
            intruder.currency(),
            Fixtures.account().automation());
    when(accounts.enabledAccounts())
        .thenReturn(
            new AccountDirectory.AccountScan(List.of(Fixtures.account(), sameSession), List.of()));
    when(queue.countsByAccount(SESSION, NOW))
        .thenReturn(
            Map.of(UID, new QueueCounts(3, 2, 1, 0), "intruder", new QueueCounts(0, 4, 0, 0)));
    when(rules.rules(any())).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));
    when(tally.counts("intruder", LocalDate.of(2026, 11, 20)))
        .thenReturn(new Heartbeat.DayCounts(0, 0, 0));

    // when
    new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
        .publishHeartbeats(
            new PublishHeartbeatCommand(
                NOW, "host-1", "0.1.0", Map.of(), Optional.empty(), Map.of()));

    // then
    ArgumentCaptor<Heartbeat> mine = ArgumentCaptor.forClass(Heartbeat.class);
    ArgumentCaptor<Heartbeat> theirs = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq(UID), mine.capture());
    verify(board).publish(eq("intruder"), theirs.capture());
    assertThat(mine.getValue().queue()).isEqualTo(new QueueCounts(3, 2, 1, 0));
    assertThat(theirs.getValue().queue()).isEqualTo(new QueueCounts(0, 4, 0, 0));
    verify(queue, times(1)).countsByAccount(SESSION, NOW);
  }

  @Test
  void an_account_with_nothing_queued_shows_zero_counts() {
    when(queue.countsByAccount(SESSION, NOW))
        .thenReturn(Map.of("someone-else", new QueueCounts(9, 9, 9, 9)));
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));

    assertThat(publish(Map.of()).queue()).isEqualTo(QueueCounts.EMPTY);
  }

  @Test
  void a_session_waiting_for_a_scan_shows_its_qr_code_until_it_is_connected() {
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));
    Instant checked = NOW.minusSeconds(10);
    String png = "data:image/png;base64,iVBORw0KGgo=";

    Heartbeat waiting =
        publish(
            Map.of(SESSION, new GatewayState(SessionState.NEEDS_SCAN, checked, Optional.of(png))));

    assertThat(waiting.qr()).contains(new PairingQr(png, checked.plusSeconds(60)));
  }

  @Test
  void a_connected_session_shows_no_qr_code_even_if_one_was_seen() {
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));

    Heartbeat connected =
        publish(
            Map.of(
                SESSION,
                new GatewayState(
                    SessionState.CONNECTED, NOW, Optional.of("data:image/png;base64,x"))));

    assertThat(connected.qr()).isEmpty();
  }

  @Test
  void next_runs_come_from_the_rule_book_handed_in_without_a_read_of_its_own() {
    // given the book the same check's firing read (issue 16)
    RuleSource.RuleBook fired =
        new RuleSource.RuleBook(
            List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")), Map.of(), List.of());

    // when
    new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
        .publishHeartbeats(
            new PublishHeartbeatCommand(
                NOW, "host-1", "0.1.0", Map.of(), Optional.empty(), Map.of(UID, fired)));

    // then
    verify(rules, never()).rules(any());
    ArgumentCaptor<Heartbeat> heartbeat = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq(UID), heartbeat.capture());
    assertThat(heartbeat.getValue().nextRuns())
        .containsExactly(new Heartbeat.NextRun("overdue", Instant.parse("2026-11-21T05:00:00Z")));
  }

  @Test
  void an_account_without_a_book_handed_in_has_its_rules_read_and_a_failed_read_gives_no_runs() {
    // given firing read another account's book, not this one's, and the read fails now
    when(rules.rules(UID)).thenThrow(new StoreUnavailable("deadline exceeded"));
    RuleSource.RuleBook other =
        new RuleSource.RuleBook(
            List.of(Fixtures.dailyDraft("overdue", "Fees due: {amountDue}")), Map.of(), List.of());

    // when
    List<String> written =
        new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
            .publishHeartbeats(
                new PublishHeartbeatCommand(
                    NOW, "host-1", "0.1.0", Map.of(), Optional.empty(), Map.of("other", other)));

    // then the heartbeat still goes out, without next runs, as before
    assertThat(written).containsExactly(UID);
    verify(rules, times(1)).rules(UID);
    ArgumentCaptor<Heartbeat> heartbeat = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq(UID), heartbeat.capture());
    assertThat(heartbeat.getValue().nextRuns()).isEmpty();
  }

  @Test
  void unreadable_rules_still_give_a_heartbeat_without_next_runs() {
    when(rules.rules(UID)).thenThrow(new StoreUnavailable("deadline exceeded"));

    Heartbeat heartbeat = publish(Map.of());

    assertThat(heartbeat.nextRuns()).isEmpty();
    assertThat(heartbeat.gatewayStatus()).isEqualTo(SessionState.UNREACHABLE);
  }

  @Test
  void the_heartbeat_carries_the_problems_of_the_account() {
    // given
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));
    AccountProblem invalid =
        new AccountProblem(
            "RULE_INVALID",
            Optional.of("weekly"),
            Optional.empty(),
            "no days",
            NOW.minusSeconds(60));
    AccountProblem taken =
        new AccountProblem(
            "SESSION_TAKEN", Optional.empty(), Optional.empty(), "bound to another", NOW);
    problems.replace(UID, AccountProblems.Source.FIRING, List.of(invalid));
    problems.report(UID, AccountProblems.Source.DELIVERY, taken);
    problems.report(
        "another-academy",
        AccountProblems.Source.FIRING,
        new AccountProblem("ACCOUNT_FAILED", Optional.empty(), Optional.empty(), "x", NOW));

    // when
    Heartbeat heartbeat = publish(Map.of());

    // then
    assertThat(heartbeat.problems()).containsExactly(invalid, taken);
  }

  @Test
  void a_problem_already_in_the_last_heartbeat_keeps_its_since_across_processes() {
    // given the last heartbeat (another tick's) showed the invalid rule since yesterday
    Instant yesterday = NOW.minusSeconds(86_400);
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));
    when(board.last(UID))
        .thenReturn(
            Optional.of(
                new Heartbeat(
                    yesterday,
                    "tick-1",
                    "0.1.0",
                    SessionState.CONNECTED,
                    yesterday,
                    QueueCounts.EMPTY,
                    new Heartbeat.DayCounts(0, 0, 0),
                    List.of(),
                    List.of(
                        new AccountProblem(
                            "RULE_INVALID",
                            Optional.of("weekly"),
                            Optional.empty(),
                            "no days",
                            yesterday)))));
    // this process found it again now, and a new problem too
    problems.replace(
        UID,
        AccountProblems.Source.FIRING,
        List.of(
            new AccountProblem(
                "RULE_INVALID", Optional.of("weekly"), Optional.empty(), "no days", NOW),
            new AccountProblem(
                "DOCUMENT_UNREADABLE", Optional.empty(), Optional.of("s1"), "bad fees", NOW)));

    // when
    Heartbeat heartbeat = publish(Map.of());

    // then
    assertThat(heartbeat.problems())
        .extracting(AccountProblem::code, AccountProblem::since)
        .containsExactly(tuple("RULE_INVALID", yesterday), tuple("DOCUMENT_UNREADABLE", NOW));
  }

  @Test
  void an_enabled_account_whose_document_cannot_be_understood_gets_a_heartbeat_saying_why() {
    // given the scan found the sound account and one whose time zone is not a zone
    when(accounts.enabledAccounts())
        .thenReturn(
            new AccountDirectory.AccountScan(
                List.of(Fixtures.account()),
                List.of(
                    new DocumentProblem(
                        "users/typo-academy", "timezone", "must be an IANA time zone id"),
                    new DocumentProblem(
                        "users/typo-academy/students/s1", "fees", "must be a list"))));
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));

    // when
    List<String> written =
        new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
            .publishHeartbeats(
                new PublishHeartbeatCommand(
                    NOW, "host-1", "0.1.0", Map.of(), Optional.empty(), Map.of()));

    // then
    assertThat(written).containsExactly(UID, "typo-academy");
    ArgumentCaptor<Heartbeat> heartbeat = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq("typo-academy"), heartbeat.capture());
    assertThat(heartbeat.getValue().heartbeatAt()).isEqualTo(NOW);
    assertThat(heartbeat.getValue().nextRuns()).isEmpty();
    assertThat(heartbeat.getValue().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("DOCUMENT_UNREADABLE");
              assertThat(p.message())
                  .contains("users/typo-academy timezone: must be an IANA time zone id")
                  .doesNotContain("students");
              assertThat(p.since()).isEqualTo(NOW);
            });
  }

  @Test
  void an_account_whose_heartbeat_fails_stops_no_other_account() {
    // given a broken account before the sound one: its counts throw something unexpected
    AccountSettings broken = Fixtures.otherAccount("broken");
    when(accounts.enabledAccounts())
        .thenReturn(
            new AccountDirectory.AccountScan(List.of(broken, Fixtures.account()), List.of()));
    when(queue.countsByAccount("broken-session", NOW))
        .thenThrow(new ArithmeticException("overflow"));
    when(rules.rules(UID)).thenThrow(new IllegalStateException("a rule nobody expected"));

    // when
    List<String> written =
        new PublishHeartbeatService(accounts, rules, queue, tally, board, problems, holds)
            .publishHeartbeats(
                new PublishHeartbeatCommand(
                    NOW, "host-1", "0.1.0", Map.of(), Optional.empty(), Map.of()));

    // then the sound account still gets its heartbeat (without next runs)
    assertThat(written).containsExactly(UID);
    ArgumentCaptor<Heartbeat> heartbeat = ArgumentCaptor.forClass(Heartbeat.class);
    verify(board).publish(eq(UID), heartbeat.capture());
    verify(board, never()).publish(eq("broken"), any());
    assertThat(heartbeat.getValue().nextRuns()).isEmpty();
  }
}
