package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionDeliveryPacingTest {

  @Test
  void the_default_visibility_timeout_keeps_the_usual_pauses() {
    SessionWorker.Pacing pacing = SessionDelivery.pacing(Duration.ofMinutes(2));

    assertThat(pacing.leaseTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(pacing.idlePoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.heldPause()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_short_visibility_timeout_shortens_the_pauses_so_the_lease_never_lapses() {
    SessionWorker.Pacing pacing = SessionDelivery.pacing(Duration.ofSeconds(5));

    assertThat(pacing.heldPause()).isEqualTo(Duration.ofMillis(2500));
    assertThat(pacing.idlePoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.leaseTtl()).isEqualTo(Duration.ofSeconds(5));
  }
}
