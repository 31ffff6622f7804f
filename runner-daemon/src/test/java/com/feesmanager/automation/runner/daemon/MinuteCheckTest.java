package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.Outcome;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteCheckTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");
  private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
  private final DaemonMetrics metrics = new DaemonMetrics();
  private final List<String> done = new ArrayList<>();
  private final List<Instant> firedAt = new ArrayList<>();

  @Test
  void fires_at_the_clock_then_applies_kept_receipts_keeps_workers_beats_and_probes_the_stores() {
    MinuteCheck check = check(firing(report(3)));

    check.run();

    assertThat(firedAt).containsExactly(AT);
    assertThat(done).containsExactly("wake", "receipts", "upkeep", "heartbeat", "stores");
    assertThat(metrics.scrape()).contains("fees_tick_duration_seconds_count 1\n");
  }

  @Test
  void a_minute_that_queued_nothing_wakes_no_worker() {
    check(firing(report(0))).run();

    assertThat(done).containsExactly("receipts", "upkeep", "heartbeat", "stores");
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
            broken,
            storeDown,
            () -> done.add("upkeep"),
            () -> {
              throw new IllegalStateException("bug in heartbeat");
            },
            () -> done.add("stores"),
            () -> done.add("wake"),
            metrics,
            clock);

    check.run();

    assertThat(done).containsExactly("upkeep", "stores");
    assertThat(metrics.scrape()).contains("fees_tick_duration_seconds_count 1\n");
  }

  private MinuteCheck check(FireDueOccurrencesUseCase firing) {
    return new MinuteCheck(
        firing,
        receipts(() -> null),
        () -> done.add("upkeep"),
        () -> done.add("heartbeat"),
        () -> done.add("stores"),
        () -> done.add("wake"),
        metrics,
        clock);
  }

  private FireDueOccurrencesUseCase firing(FireReport report) {
    return command -> {
      firedAt.add(command.at());
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
        List.of());
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
