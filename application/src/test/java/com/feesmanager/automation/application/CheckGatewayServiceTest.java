package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.ports.in.CheckGatewayUseCase.CheckGatewayCommand;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.SessionReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CheckGatewayServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");

  @Mock AccountDirectory accounts;
  @Mock WhatsAppGateway gateway;
  private final List<Alert> alerts = new ArrayList<>();

  @BeforeEach
  void oneAccount() {
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(Fixtures.account()), List.of()));
  }

  private CheckGatewayService service(boolean autoReconnect) {
    return new CheckGatewayService(
        accounts, gateway, alerts::add, autoReconnect, CheckGatewayService.DOWN_ALERT_AFTER);
  }

  private static SessionReport only(GatewayReport report) {
    assertThat(report.sessions()).hasSize(1);
    return report.sessions().get(0);
  }

  @Test
  void a_connected_session_is_ready_and_nothing_is_alerted() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CONNECTED);

    GatewayReport report = service(true).checkGateway(new CheckGatewayCommand(T0));

    assertThat(report.allConnected()).isTrue();
    assertThat(only(report).accounts()).containsExactly(Fixtures.UID);
    assertThat(alerts).isEmpty();
  }

  @Test
  void the_sessions_of_a_scan_handed_in_are_checked_without_a_query_of_its_own() {
    org.mockito.Mockito.reset(accounts);
    when(gateway.sessionState("other-session")).thenReturn(SessionState.CONNECTED);
    AccountDirectory.AccountScan minuteScan =
        new AccountDirectory.AccountScan(List.of(Fixtures.otherAccount("other")), List.of());

    GatewayReport report =
        service(true).checkGateway(new CheckGatewayCommand(T0, Optional.of(minuteScan)));

    assertThat(only(report).accounts()).containsExactly("other");
    verify(accounts, never()).enabledAccounts();
  }

  @Test
  void a_closed_session_is_restarted_when_auto_reconnect_is_on() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CLOSED);
    when(gateway.startSession(Fixtures.SESSION)).thenReturn(SessionState.STARTING);

    SessionReport report = only(service(true).checkGateway(new CheckGatewayCommand(T0)));

    assertThat(report.restartRequested()).isTrue();
    assertThat(report.state()).isEqualTo(SessionState.STARTING);
    assertThat(report.downSince()).contains(T0);
  }

  @Test
  void without_auto_reconnect_a_closed_session_is_left_alone() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CLOSED);

    only(service(false).checkGateway(new CheckGatewayCommand(T0)));

    verify(gateway, never()).startSession(any());
  }

  @Test
  void a_session_down_for_15_minutes_is_alerted_not_before() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.STARTING);
    CheckGatewayService service = service(true);

    service.checkGateway(new CheckGatewayCommand(T0));
    service.checkGateway(new CheckGatewayCommand(T0.plus(Duration.ofMinutes(14))));
    assertThat(alerts).isEmpty();

    service.checkGateway(new CheckGatewayCommand(T0.plus(Duration.ofMinutes(15))));
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event()).isEqualTo("SESSION_DOWN");
              assertThat(a.account()).isEqualTo(Fixtures.UID);
            });
  }

  @Test
  void a_session_that_needs_a_scan_is_alerted_at_once_and_not_restarted() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.NEEDS_SCAN);

    only(service(true).checkGateway(new CheckGatewayCommand(T0)));

    verify(gateway, never()).startSession(any());
    assertThat(alerts).extracting(Alert::event).containsExactly("SESSION_NEEDS_SCAN");
  }

  @Test
  void a_state_change_is_reported_and_recovery_clears_the_down_time() {
    when(gateway.sessionState(Fixtures.SESSION))
        .thenReturn(SessionState.CONNECTED, SessionState.STARTING, SessionState.CONNECTED);
    CheckGatewayService service = service(true);

    SessionReport first = only(service.checkGateway(new CheckGatewayCommand(T0)));
    SessionReport down = only(service.checkGateway(new CheckGatewayCommand(T0.plusSeconds(300))));
    SessionReport back = only(service.checkGateway(new CheckGatewayCommand(T0.plusSeconds(600))));

    assertThat(first.changed()).isFalse();
    assertThat(down.changed()).isTrue();
    assertThat(down.downSince()).contains(T0.plusSeconds(300));
    assertThat(back.changed()).isTrue();
    assertThat(back.downSince()).isEqualTo(Optional.empty());
  }

  @Test
  void a_session_that_says_CONNECTED_but_cannot_send_is_closed_started_and_alerted() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CONNECTED);
    when(gateway.checkConnection(Fixtures.SESSION)).thenReturn(ConnectionCheck.DEAD);
    when(gateway.closeSession(Fixtures.SESSION)).thenReturn(true);
    when(gateway.startSession(Fixtures.SESSION)).thenReturn(SessionState.CLOSED);

    SessionReport report = only(service(true).checkGateway(new CheckGatewayCommand(T0)));

    InOrder order = inOrder(gateway);
    order.verify(gateway).closeSession(Fixtures.SESSION);
    order.verify(gateway).startSession(Fixtures.SESSION);
    assertThat(report.restartRequested()).isTrue();
    assertThat(report.state()).isEqualTo(SessionState.STARTING);
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.event()).isEqualTo("SESSION_RESTARTED");
              assertThat(a.account()).isEqualTo(Fixtures.UID);
              assertThat(a.level()).isEqualTo(Alert.Level.WARNING);
            });
  }

  @Test
  void a_crash_that_a_restart_does_not_heal_is_not_restarted_in_a_loop() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CONNECTED);
    when(gateway.checkConnection(Fixtures.SESSION)).thenReturn(ConnectionCheck.DEAD);
    when(gateway.startSession(Fixtures.SESSION)).thenReturn(SessionState.CLOSED);
    CheckGatewayService service = service(true);

    service.checkGateway(new CheckGatewayCommand(T0));
    SessionReport soon =
        only(service.checkGateway(new CheckGatewayCommand(T0.plus(Duration.ofMinutes(4)))));
    service.checkGateway(new CheckGatewayCommand(T0.plus(CheckGatewayService.RESTART_BACKOFF)));

    verify(gateway, times(2)).closeSession(Fixtures.SESSION);
    assertThat(soon.restartRequested()).isFalse();
    assertThat(soon.state()).isEqualTo(SessionState.CLOSED);
    assertThat(alerts).extracting(Alert::event).containsOnly("SESSION_RESTARTED").hasSize(2);
  }

  @Test
  void without_auto_reconnect_a_crashed_session_is_reported_down_not_restarted() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CONNECTED);
    when(gateway.checkConnection(Fixtures.SESSION)).thenReturn(ConnectionCheck.DEAD);

    SessionReport report = only(service(false).checkGateway(new CheckGatewayCommand(T0)));

    verify(gateway, never()).closeSession(any());
    assertThat(report.state()).isEqualTo(SessionState.CLOSED);
    assertThat(report.downSince()).contains(T0);
  }

  @Test
  void a_connection_check_that_cannot_tell_changes_nothing() {
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CONNECTED);
    when(gateway.checkConnection(Fixtures.SESSION)).thenReturn(ConnectionCheck.CANNOT_TELL);

    SessionReport report = only(service(true).checkGateway(new CheckGatewayCommand(T0)));

    verify(gateway, never()).closeSession(any());
    assertThat(report.state()).isEqualTo(SessionState.CONNECTED);
    assertThat(alerts).isEmpty();
  }

  @Test
  void a_session_no_enabled_account_uses_is_forgotten_so_its_old_down_time_does_not_come_back() {
    // given a session down since T0, whose account is then switched off for a while
    when(gateway.sessionState(Fixtures.SESSION)).thenReturn(SessionState.CLOSED);
    CheckGatewayService service = service(false);
    service.checkGateway(new CheckGatewayCommand(T0));
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(), List.of()));
    service.checkGateway(new CheckGatewayCommand(T0.plusSeconds(300)));

    // when the account comes back 20 minutes after T0, its session still down
    when(accounts.enabledAccounts())
        .thenReturn(new AccountDirectory.AccountScan(List.of(Fixtures.account()), List.of()));
    SessionReport report =
        only(service.checkGateway(new CheckGatewayCommand(T0.plusSeconds(1200))));

    // then it is down since now, not since T0: no 15-minute alert from the old outage
    assertThat(report.downSince()).contains(T0.plusSeconds(1200));
    assertThat(alerts).isEmpty();
  }
}
