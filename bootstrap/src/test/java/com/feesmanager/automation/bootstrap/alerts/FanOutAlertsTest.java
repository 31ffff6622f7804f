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
}
