package com.feesmanager.automation.runner.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TickRequestTest {

  @Test
  void the_budget_is_the_remaining_time_less_the_margin_and_never_more_than_asked() {
    assertThat(TickRequest.from(Map.of(), Optional.of(Duration.ofSeconds(15))).budget())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(
            TickRequest.from(Map.of("maxSeconds", 3), Optional.of(Duration.ofSeconds(60))).budget())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(TickRequest.from(Map.of(), Optional.of(Duration.ofSeconds(2))).budget()).isZero();
    assertThat(TickRequest.from(Map.of(), Optional.empty()).budget())
        .isEqualTo(TickRequest.DEFAULT_BUDGET);
  }

  @Test
  void at_takes_an_offset_date_time_or_an_instant_and_rejects_anything_else() {
    assertThat(TickRequest.from(Map.of("at", "2026-11-20T10:00:30+05:00"), Optional.empty()).at())
        .contains(Instant.parse("2026-11-20T05:00:30Z"));
    assertThat(TickRequest.from(Map.of("at", "2026-11-20T05:00:30Z"), Optional.empty()).at())
        .contains(Instant.parse("2026-11-20T05:00:30Z"));
    assertThatThrownBy(() -> TickRequest.from(Map.of("at", "tomorrow"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TickRequest.from(Map.of("maxSeconds", "-1"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
