package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.QueueUnavailable;
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

  @Test
  void an_alert_another_process_already_sent_is_not_sent_again() {
    AlertGate gate = mock(AlertGate.class);
    when(gate.tryPass(anyString(), anyString(), any(), any())).thenReturn(false);
    DeduplicatingAlerts shared =
        new DeduplicatingAlerts(sent::add, gate, DeduplicatingAlerts.WINDOW);

    shared.raise(alert("RULE_INVALID", "a1", T0));

    assertThat(sent).isEmpty();
    verify(gate).tryPass("RULE_INVALID", "a1", DeduplicatingAlerts.WINDOW, T0);
  }

  @Test
  void a_refusal_by_the_shared_gate_does_not_start_a_window_in_this_process() {
    AlertGate gate = mock(AlertGate.class);
    when(gate.tryPass(anyString(), anyString(), any(), any())).thenReturn(false, true);
    DeduplicatingAlerts shared =
        new DeduplicatingAlerts(sent::add, gate, DeduplicatingAlerts.WINDOW);

    shared.raise(alert("RULE_INVALID", "a1", T0));
    shared.raise(alert("RULE_INVALID", "a1", T0.plusSeconds(60)));

    assertThat(sent).extracting(Alert::at).containsExactly(T0.plusSeconds(60));
  }

  @Test
  void when_the_shared_gate_cannot_answer_the_alert_still_goes_out_once_per_window_here() {
    AlertGate gate = mock(AlertGate.class);
    when(gate.tryPass(anyString(), anyString(), any(), any()))
        .thenThrow(new QueueUnavailable("Redis did not answer in time"));
    DeduplicatingAlerts shared =
        new DeduplicatingAlerts(sent::add, gate, DeduplicatingAlerts.WINDOW);

    shared.raise(alert("REDIS_UNREACHABLE", "", T0));
    shared.raise(alert("REDIS_UNREACHABLE", "", T0.plusSeconds(60)));
    shared.raise(alert("REDIS_UNREACHABLE", "", T0.plusSeconds(15 * 60)));

    assertThat(sent).extracting(Alert::at).containsExactly(T0, T0.plusSeconds(15 * 60));
  }
}
