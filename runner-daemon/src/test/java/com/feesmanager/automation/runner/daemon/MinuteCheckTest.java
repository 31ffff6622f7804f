package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.Outcome;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MinuteCheckTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");

  /** The time the check reads; a test moves it. */
  private Instant now = AT;

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final DaemonMetrics metrics = new DaemonMetrics();
  private final List<String> done = new ArrayList<>();
  private final List<Instant> firedAt = new ArrayList<>();
  private static final AccountScan SCAN = new AccountScan(List.of(), List.of());
  private Optional<AccountScan> scan = Optional.of(SCAN);
  private final List<Optional<AccountScan>> upkeepScans = new ArrayList<>();
  private final List<Optional<AccountScan>> firingScans = new ArrayList<>();
  private java.util.function.Consumer<AccountScan> warm = scan -> done.add("warm");

  @Test
  void scans_once_keeps_workers_fires_at_the_clock_applies_receipts_beats_and_probes_the_stores() {
    MinuteCheck check = check(firing(report(3)));

    check.run();

    assertThat(firedAt).containsExactly(AT);
    // the occurrence's end wakes nobody: its first queued message did (the fake tells none)
    assertThat(done).containsExactly("scan", "upkeep", "fired", "receipts", "heartbeat", "stores");
    assertThat(metrics.scrape()).contains("fees_tick_duration_seconds_count 1\n");
  }

  @Test
  void upkeep_and_firing_are_handed_the_same_scan() {
    check(firing(report(0))).run();

    assertThat(upkeepScans).containsExactly(Optional.of(SCAN));
    assertThat(firingScans).containsExactly(Optional.of(SCAN));
  }

  @Test
  void a_failed_scan_leaves_upkeep_and_firing_to_ask_for_themselves() {
    scan = Optional.empty();

    check(firing(report(3))).run();

    assertThat(upkeepScans).containsExactly(Optional.empty());
    assertThat(firingScans).containsExactly(Optional.empty());
  }

  @Test
  void a_prepared_minute_fires_at_once_with_the_scan_taken_ahead() {
    MinuteCheck check = check(firing(report(3)));
    now = AT.minusSeconds(5);

    check.prepare();
    assertThat(done).containsExactly("scan", "upkeep", "warm");
    now = AT;
    check.run();

    assertThat(done)
        .containsExactly("scan", "upkeep", "warm", "fired", "receipts", "heartbeat", "stores");
    assertThat(firingScans).containsExactly(Optional.of(SCAN));
    assertThat(firedAt).containsExactly(AT);
  }

  @Test
  void an_occurrences_first_queued_message_wakes_its_sessions_worker_before_firing_ends() {
    FireDueOccurrencesUseCase firing =
        command -> {
          command.onFirstQueued().accept("session-2");
          done.add("fired");
          return new FireReport(List.of(), List.of(), Map.of());
        };

    check(firing).run();

    assertThat(done)
        .containsExactly(
            "scan", "upkeep", "wake session-2", "fired", "receipts", "heartbeat", "stores");
  }

  @Test
  void a_prepared_scan_serves_one_minute_only() {
    MinuteCheck check = check(firing(report(0)));
    check.prepare();
    check.run();
    done.clear();

    check.run();

    assertThat(done).containsExactly("scan", "upkeep", "fired", "receipts", "heartbeat", "stores");
  }

  @Test
  void a_preparation_older_than_its_limit_is_not_used() {
    MinuteCheck check = check(firing(report(0)));
    now = AT.minus(MinuteCheck.PREPARED_MAX_AGE).minusSeconds(1);
    check.prepare();
    now = AT;
    done.clear();

    check.run();

    assertThat(done).containsExactly("scan", "upkeep", "fired", "receipts", "heartbeat", "stores");
  }

  @Test
  void a_preparation_whose_scan_failed_leaves_the_minute_to_scan_again() {
    scan = Optional.empty();
    MinuteCheck check = check(firing(report(0)));
    check.prepare();
    assertThat(done).containsExactly("scan", "upkeep"); // nothing to warm
    done.clear();

    check.run();

    assertThat(done).containsExactly("scan", "upkeep", "fired", "receipts", "heartbeat", "stores");
    assertThat(upkeepScans).containsExactly(Optional.empty(), Optional.empty());
  }

  @Test
  void warming_that_fails_leaves_the_prepared_scan_to_serve_the_minute() {
    warm =
        scan -> {
          throw new IllegalStateException("Firestore away");
        };
    MinuteCheck check = check(firing(report(0)));
    now = AT.minusSeconds(5);
    check.prepare();
    now = AT;
    done.clear();

    check.run();

    assertThat(done).containsExactly("fired", "receipts", "heartbeat", "stores");
    assertThat(firingScans).containsExactly(Optional.of(SCAN));
  }

  @Test
  void a_minute_that_queued_nothing_wakes_no_worker() {
    check(firing(report(0))).run();

    assertThat(done).containsExactly("scan", "upkeep", "fired", "receipts", "heartbeat", "stores");
  }

  @Test
  void a_failing_step_leaves_the_others_to_run_this_minute() {
    FireDueOccurrencesUseCase broken =
        command -> {
          throw new IllegalStateException("bug in firing");
        };
    ApplyReceiptUseCase storeDown =
        receipts(() -> new StoreUnavailable("Firestore down", new RuntimeException("io")));
    MinuteCheck check =
        new MinuteCheck(
            () -> Optional.of(SCAN),
            broken,
            storeDown,
            scan -> done.add("upkeep"),
            scan -> done.add("warm"),
            () -> {
              throw new IllegalStateException("bug in heartbeat");
            },
            () -> done.add("stores"),
            session -> done.add("wake " + session),
            metrics,
            clock);

    check.run();

    assertThat(done).containsExactly("upkeep", "stores");
    assertThat(metrics.scrape()).contains("fees_tick_duration_seconds_count 1\n");
  }

  private MinuteCheck check(FireDueOccurrencesUseCase firing) {
    return new MinuteCheck(
        () -> {
          done.add("scan");
          return scan;
        },
        firing,
        receipts(() -> null),
        scan -> {
          upkeepScans.add(scan);
          done.add("upkeep");
        },
        scan -> warm.accept(scan),
        () -> done.add("heartbeat"),
        () -> done.add("stores"),
        session -> done.add("wake " + session),
        metrics,
        clock);
  }

  /** Tells the listener of each occurrence before it returns, as the real firing does. */
  private FireDueOccurrencesUseCase firing(FireReport report) {
    return command -> {
      firedAt.add(command.at());
      firingScans.add(command.accounts());
      report.occurrences().forEach(command.onOccurrence());
      done.add("fired");
      return report;
    };
  }

  private static FireReport report(int queued) {
    return new FireReport(
        List.of(
            new OccurrenceReport(
                "demo-academy",
                "overdue-daily",
                "2026-11-20T10:00",
                Outcome.FIRED,
                queued,
                queued,
                0,
                List.of())),
        List.of(),
        Map.of());
  }

  /** Receipts whose kept ones throw what {@code failure} gives, if anything. */
  private ApplyReceiptUseCase receipts(java.util.function.Supplier<RuntimeException> failure) {
    return new ApplyReceiptUseCase() {
      @Override
      public ReceiptOutcome applyReceipt(ApplyReceiptCommand command) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int applyPending(Instant now) {
        RuntimeException e = failure.get();
        if (e != null) {
          throw e;
        }
        done.add("receipts");
        return 0;
      }
    };
  }
}
