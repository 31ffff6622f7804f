package com.feesmanager.automation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickFutureTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void a_tick_up_to_a_minute_ahead_runs_later_ones_are_refused() {
    assertThat(Tick.futureProblem(NOW.minus(Duration.ofDays(3)), NOW)).isEmpty();
    assertThat(Tick.futureProblem(NOW.plusSeconds(60), NOW)).isEmpty();
    assertThat(Tick.futureProblem(NOW.plusSeconds(61), NOW))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith("--at 2026-11-25T10:01:01Z is in the future")
                    .contains("preview --at"));
  }

  @Test
  void the_library_tick_refuses_a_future_clock_before_reading_any_setting() throws Exception {
    // the runners for cron and function platforms pass a clock that reads their --at / "at"
    Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));

    Tick.Report report =
        Tick.run(
            Map.of(),
            tomorrow,
            Duration.ofSeconds(5),
            new PrintStream(new ByteArrayOutputStream()));

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.error()).contains("in the future");
  }
}
