package com.feesmanager.automation.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Alert;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingAlertsTest {

  @Test
  void keepsEveryAlertInTheOrderRaised_evenRepeats() {
    // given
    RecordingAlerts alerts = new RecordingAlerts();
    Instant at = Instant.parse("2026-11-10T05:00:00Z");
    Alert dead = new Alert(Alert.Level.CRITICAL, "MESSAGE_DEAD", "academy-1", "3 attempts", at);
    Alert invalid = new Alert(Alert.Level.WARNING, "RULE_INVALID", "academy-1", "bad time", at);

    // when
    alerts.raise(dead);
    alerts.raise(invalid);
    alerts.raise(dead);

    // then
    assertThat(alerts.alerts()).containsExactly(dead, invalid, dead);
  }

  @Test
  void theListHandedOut_isASnapshot() {
    // given
    RecordingAlerts alerts = new RecordingAlerts();
    var before = alerts.alerts();

    // when
    alerts.raise(new Alert(Alert.Level.WARNING, "SESSION_DOWN", "", "down", Instant.EPOCH));

    // then
    assertThat(before).isEmpty();
    assertThat(alerts.alerts()).hasSize(1);
  }
}
