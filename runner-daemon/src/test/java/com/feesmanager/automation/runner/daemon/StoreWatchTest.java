package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.OutageWatch;
import com.feesmanager.automation.ports.in.WatchOutagesUseCase;
import com.feesmanager.automation.ports.out.Alert;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoreWatchTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");
  private final RecordingAlerts alerts = new RecordingAlerts();
  private final OutageWatch outages = new OutageWatch(alerts, OutageWatch.ALERT_AFTER);

  @Test
  void a_store_down_for_five_minutes_raises_its_outage_alert() {
    watch(AT, false, true).run();
    assertThat(alerts.alerts()).isEmpty();

    watch(AT.plus(OutageWatch.ALERT_AFTER), false, true).run();

    assertThat(alerts.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.level()).isEqualTo(Alert.Level.CRITICAL);
              assertThat(a.event()).isEqualTo(WatchOutagesUseCase.Store.REDIS.event());
            });
  }

  @Test
  void a_store_that_answers_again_starts_its_outage_afresh_and_a_failing_probe_is_not_thrown() {
    watch(AT, true, false).run();
    watch(AT.plusSeconds(60), true, true).run();
    watch(AT.plus(OutageWatch.ALERT_AFTER), true, false).run();
    assertThat(alerts.alerts()).isEmpty();

    new StoreWatch(
            outages,
            () -> {
              throw new IllegalStateException("probe broke");
            },
            () -> true,
            Clock.fixed(AT, ZoneOffset.UTC))
        .run();
    assertThat(alerts.alerts()).isEmpty();
  }

  private StoreWatch watch(Instant at, boolean redis, boolean firestore) {
    return new StoreWatch(outages, () -> redis, () -> firestore, Clock.fixed(at, ZoneOffset.UTC));
  }
}
