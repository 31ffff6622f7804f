package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.in.WatchOutagesUseCase.Store;
import com.feesmanager.automation.ports.out.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutageWatchTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");

  private final List<Alert> alerts = new ArrayList<>();
  private final OutageWatch watch = new OutageWatch(alerts::add, OutageWatch.ALERT_AFTER);

  private static Instant minute(int n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  @Test
  void a_store_down_for_five_minutes_is_alerted_not_before() {
    for (int m = 0; m < 5; m++) {
      assertThat(watch.observe(Store.REDIS, false, minute(m))).contains(T0);
    }
    assertThat(alerts).isEmpty();

    watch.observe(Store.REDIS, false, minute(5));

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.level()).isEqualTo(Alert.Level.CRITICAL);
    assertThat(alert.event()).isEqualTo("REDIS_UNREACHABLE");
    assertThat(alert.account()).isEmpty();
    assertThat(alert.text()).contains("Redis").contains(T0.toString());
    assertThat(alert.at()).isEqualTo(minute(5));
  }

  @Test
  void an_answer_resets_the_outage() {
    watch.observe(Store.FIRESTORE, false, minute(0));
    watch.observe(Store.FIRESTORE, false, minute(4));
    assertThat(watch.observe(Store.FIRESTORE, true, minute(5))).isEmpty();

    watch.observe(Store.FIRESTORE, false, minute(6));
    watch.observe(Store.FIRESTORE, false, minute(10));

    assertThat(alerts).isEmpty();
    watch.observe(Store.FIRESTORE, false, minute(11));
    assertThat(alerts).extracting(Alert::event).containsExactly("FIRESTORE_UNREACHABLE");
  }

  @Test
  void each_store_is_watched_on_its_own() {
    watch.observe(Store.FIRESTORE, false, minute(0));
    watch.observe(Store.REDIS, true, minute(0));
    watch.observe(Store.REDIS, false, minute(3));

    watch.observe(Store.FIRESTORE, false, minute(5));
    watch.observe(Store.REDIS, false, minute(5));

    assertThat(alerts).extracting(Alert::event).containsExactly("FIRESTORE_UNREACHABLE");
  }
}
