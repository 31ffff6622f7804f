package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WakeUpsTest {

  private static final Instant T0 = Instant.parse("2026-12-05T05:00:00Z");

  /** A clock that stands still: a pause ends only by a wake (the timeout guards a hang). */
  private final Clock still = Clock.fixed(T0, ZoneOffset.UTC);

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void a_wake_that_came_while_the_worker_was_mid_step_ends_its_next_pause_at_once()
      throws Exception {
    WakeUps wakeUps = new WakeUps(still, () -> false);

    // the firing wakes the session while its worker is busy with a step
    wakeUps.wake("session-1");

    // the worker's next pause ends at once (it would never end on this clock otherwise)
    wakeUps.sleepUntil("session-1", T0.plusSeconds(3600));
    assertThat(wakeUps.pending("session-1")).isFalse();
  }

  @Test
  void a_wake_is_for_its_own_session_only() throws Exception {
    // a clock that has moved past the pause's end by its second reading
    AtomicInteger reads = new AtomicInteger();
    Clock moving =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return reads.getAndIncrement() == 0 ? T0 : T0.plusSeconds(2);
          }
        };
    WakeUps wakeUps = new WakeUps(moving, () -> false);
    wakeUps.wake("session-2");

    // session 1's pause ends by its time, not by session 2's wake, which stays for session 2
    wakeUps.sleepUntil("session-1", T0.plusSeconds(1));

    assertThat(wakeUps.pending("session-2")).isTrue();
    assertThat(wakeUps.pending("session-1")).isFalse();
  }
}
