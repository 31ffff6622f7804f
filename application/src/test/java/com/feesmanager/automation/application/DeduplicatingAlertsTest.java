package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatingAlertsTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
  private final List<Alert> sent = new ArrayList<>();
  private final DeduplicatingAlerts alerts =
      new DeduplicatingAlerts(sent::add, DeduplicatingAlerts.WINDOW);

  private static Alert alert(String event, String account, Instant at) {
    return new Alert(Alert.Level.CRITICAL, event, account, "text", at);
  }

  @Test
  void the_same_event_for_the_same_account_is_sent_once_per_15_minutes() {
    alerts.raise(alert("MESSAGE_DEAD", "a1", T0));
    alerts.raise(alert("MESSAGE_DEAD", "a1", T0.plusSeconds(60)));
    alerts.raise(alert("MESSAGE_DEAD", "a1", T0.plusSeconds(14 * 60 + 59)));
    alerts.raise(alert("MESSAGE_DEAD", "a1", T0.plusSeconds(15 * 60)));

    assertThat(sent).extracting(Alert::at).containsExactly(T0, T0.plusSeconds(15 * 60));
  }

  @Test
  void other_events_and_other_accounts_are_not_held_back() {
    alerts.raise(alert("MESSAGE_DEAD", "a1", T0));
    alerts.raise(alert("UNKNOWN_OUTCOME", "a1", T0));
    alerts.raise(alert("MESSAGE_DEAD", "a2", T0));

    assertThat(sent).hasSize(3);
  }
}
