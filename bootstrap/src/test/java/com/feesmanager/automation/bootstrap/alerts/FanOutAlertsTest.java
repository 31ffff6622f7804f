package com.feesmanager.automation.bootstrap.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutAlertsTest {

  private static final Alert ALERT =
      new Alert(Alert.Level.CRITICAL, "MESSAGE_DEAD", "academy-1", "dead", Instant.EPOCH);

  @Test
  void every_destination_gets_the_alert_even_when_one_before_it_fails() {
    // given
    List<Alert> first = new ArrayList<>();
    List<Alert> third = new ArrayList<>();
    Alerts failing =
        alert -> {
          throw new IllegalStateException("webhook client broken");
        };

    // when
    new FanOutAlerts(List.of(first::add, failing, third::add)).raise(ALERT);

    // then
    assertThat(first).containsExactly(ALERT);
    assertThat(third).containsExactly(ALERT);
  }

  @Test
  void under_the_shared_de_duplication_an_alert_goes_everywhere_once_per_window() {
    // given: two destinations behind the de-duplication the process wires (ProcessModule)
    List<Alert> webhook = new ArrayList<>();
    List<Alert> email = new ArrayList<>();
    Alerts alerts =
        new com.feesmanager.automation.application.DeduplicatingAlerts(
            new FanOutAlerts(List.of(webhook::add, email::add)),
            new com.feesmanager.automation.adapters.local.InMemoryAlertGate(),
            com.feesmanager.automation.application.DeduplicatingAlerts.WINDOW);

    // when the same event of the same account is raised twice within the window
    alerts.raise(ALERT);
    alerts.raise(
        new Alert(
            Alert.Level.CRITICAL,
            "MESSAGE_DEAD",
            "academy-1",
            "dead again",
            Instant.EPOCH.plusSeconds(60)));

    // then each destination got it once
    assertThat(webhook).containsExactly(ALERT);
    assertThat(email).containsExactly(ALERT);
  }
}
