package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionDeliveryPacingTest {

  @Test
  void the_lease_of_a_killed_daemon_lapses_within_seconds_not_a_visibility_timeout() {
    SessionWorker.Pacing pacing = SessionDelivery.pacing(Duration.ofMinutes(2));

    // issue 13: with a 2-minute lease every kill -9 silenced the session for 2 minutes
    assertThat(pacing.leaseTtl()).isEqualTo(Duration.ofSeconds(15));
    assertThat(pacing.idlePoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.heldPause()).isEqualTo(Duration.ofMillis(7500));
    assertThat(SessionDelivery.RENEW_EVERY.multipliedBy(2)).isLessThan(pacing.leaseTtl());
  }

  @Test
  void a_short_visibility_timeout_shortens_the_pauses_so_the_lease_never_lapses() {
    SessionWorker.Pacing pacing = SessionDelivery.pacing(Duration.ofSeconds(5));

    assertThat(pacing.heldPause()).isEqualTo(Duration.ofMillis(2500));
    assertThat(pacing.idlePoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.leaseTtl()).isEqualTo(Duration.ofSeconds(5));
  }
}
