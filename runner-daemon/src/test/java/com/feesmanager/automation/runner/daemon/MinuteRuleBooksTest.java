package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOccurrenceClaims;
import com.feesmanager.automation.adapters.local.InMemoryOperatorHolds;
import com.feesmanager.automation.adapters.local.InMemoryRunLog;
import com.feesmanager.automation.adapters.local.InMemoryStatusBoard;
import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.FireDueOccurrencesService;
import com.feesmanager.automation.application.PublishHeartbeatService;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.runner.daemon.cli.AccountDataOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The rule books a minute check's firing read reach that check's heartbeat, once (issue 16): each
 * account's rules are read once per minute check, and never served from an earlier one.
 */
class MinuteRuleBooksTest {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);
  private static final String UID = "demo-academy";
  // 03:00 in Karachi: nothing of the sample is due
  private static final Instant AT = Instant.parse("2026-11-19T22:00:00Z");
  private static final RuleBook EMPTY = new RuleBook(List.of(), Map.of(), List.of());

  private final MinuteRuleBooks books = new MinuteRuleBooks();

  @Test
  void a_firings_books_are_taken_once() {
    FireDueOccurrencesUseCase firing =
        books.handedOnFrom(command -> new FireReport(List.of(), List.of(), Map.of(UID, EMPTY)));

    firing.fireDueOccurrences(new FireDueOccurrencesCommand(AT));

    assertThat(books.take()).containsExactly(Map.entry(UID, EMPTY));
    assertThat(books.take()).isEmpty();
  }

  @Test
  void a_firing_that_throws_leaves_no_books_of_an_earlier_minute_check() {
    // books of a check whose heartbeat did not take them (it was interrupted, say)
    books
        .handedOnFrom(command -> new FireReport(List.of(), List.of(), Map.of(UID, EMPTY)))
        .fireDueOccurrences(new FireDueOccurrencesCommand(AT));
    FireDueOccurrencesUseCase throwing =
        books.handedOnFrom(
            command -> {
              throw new IllegalStateException("a firing bug nobody expected");
            });

    assertThatThrownBy(
            () -> throwing.fireDueOccurrences(new FireDueOccurrencesCommand(AT.plusSeconds(60))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(books.take()).isEmpty();
  }

  /** Counts each account's reads of its rules (two Firestore queries each). */
  private static final class CountingRules implements RuleSource {
    private final RuleSource rules;
    final Map<String, Integer> reads = new ConcurrentHashMap<>();

    CountingRules(RuleSource rules) {
      this.rules = rules;
    }

    @Override
    public RuleBook rules(String uid) {
      reads.merge(uid, 1, Integer::sum);
      return rules.rules(uid);
    }
  }

  @Test
  void each_minute_check_reads_each_accounts_rules_once_for_firing_and_its_heartbeat() {
    // the minute check's steps as the daemon wires them: firing, then the heartbeat
    FileAccountData data = FileAccountData.load(List.of(SAMPLE), AccountDefaults.SPEC);
    CountingRules rules = new CountingRules(data);
    InMemoryMessageQueue queue =
        new InMemoryMessageQueue(Duration.ofMinutes(2), Duration.ofDays(14));
    InMemoryDailyTally tally = new InMemoryDailyTally();
    AccountProblems problems = new AccountProblems();
    InMemoryStatusBoard board = new InMemoryStatusBoard();
    FireDueOccurrencesUseCase firing =
        books.handedOnFrom(
            new FireDueOccurrencesService(
                data,
                rules,
                data,
                new InMemoryOccurrenceClaims(),
                queue,
                new InMemoryDeliveryLog(),
                new InMemoryRunLog(),
                new RecordingAlerts(),
                tally,
                new ReminderPlanner(new PhoneNormaliser("92")),
                AutomationSettings.defaults(),
                problems));
    AccountScan scan = data.enabledAccounts();
    Heartbeat heartbeat =
        new Heartbeat(
            new PublishHeartbeatService(
                data, rules, queue, tally, board, problems, new InMemoryOperatorHolds()),
            () -> true,
            Map::of,
            Clock.fixed(AT, ZoneOffset.UTC),
            "host-1",
            session -> Optional.empty(),
            () -> Optional.of(scan),
            books::take);

    for (int minute = 0; minute < 2; minute++) {
      firing.fireDueOccurrences(
          new FireDueOccurrencesCommand(AT.plusSeconds(60L * minute), Optional.of(scan), o -> {}));
      heartbeat.run();
    }
    // before issue 16 every heartbeat read the rules again: 4
    assertThat(rules.reads).containsExactly(Map.entry(UID, 2));
    assertThat(board.last(UID).orElseThrow().nextRuns()).isNotEmpty();

    // a heartbeat with no firing before it reads for itself: no book is used twice
    heartbeat.run();
    assertThat(rules.reads).containsExactly(Map.entry(UID, 3));
  }
}
