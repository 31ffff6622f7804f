package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.PublishHeartbeatCommand;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");
  private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
  private final List<PublishHeartbeatCommand> published = new ArrayList<>();
  private final PublishHeartbeatUseCase heartbeats =
      command -> {
        published.add(command);
        return List.of();
      };
  private final Map<String, GatewayState> states =
      Map.of("demo", new GatewayState(SessionState.CONNECTED, AT.minusSeconds(20)));

  @Test
  void publishes_this_instance_its_version_and_the_sessions_states_at_the_clock() {
    new Heartbeat(
            heartbeats,
            () -> true,
            () -> states,
            clock,
            "host-1",
            session -> Optional.empty(),
            Optional::empty,
            Map::of)
        .run();

    assertThat(published)
        .containsExactly(
            new PublishHeartbeatCommand(
                AT, "host-1", Version.VALUE, states, Optional.empty(), Map.of()));
  }

  @Test
  void a_session_waiting_for_a_scan_carries_the_qr_code_the_gateway_last_saw() {
    Map<String, GatewayState> waiting =
        Map.of(
            "demo", new GatewayState(SessionState.CONNECTED, AT),
            "lost", new GatewayState(SessionState.NEEDS_SCAN, AT.minusSeconds(5)));
    String png = "data:image/png;base64,iVBORw0KGgo=";

    new Heartbeat(
            heartbeats,
            () -> true,
            () -> waiting,
            clock,
            "host-1",
            session -> Optional.of(png),
            Optional::empty,
            Map::of)
        .run();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).gateway())
        .containsEntry("demo", new GatewayState(SessionState.CONNECTED, AT))
        .containsEntry(
            "lost",
            new GatewayState(SessionState.NEEDS_SCAN, AT.minusSeconds(5), Optional.of(png)));
  }

  @Test
  void hands_the_minute_checks_scan_of_the_accounts_to_the_heartbeats() {
    AccountScan scan = new AccountScan(List.of(), List.of());

    new Heartbeat(
            heartbeats,
            () -> true,
            () -> states,
            clock,
            "host-1",
            session -> Optional.empty(),
            () -> Optional.of(scan),
            Map::of)
        .run();

    assertThat(published)
        .containsExactly(
            new PublishHeartbeatCommand(
                AT, "host-1", Version.VALUE, states, Optional.of(scan), Map.of()));
  }

  @Test
  void hands_the_rule_books_the_minute_checks_firing_read_to_the_heartbeats() {
    Map<String, RuleBook> books =
        Map.of("demo-academy", new RuleBook(List.of(), Map.of(), List.of()));

    new Heartbeat(
            heartbeats,
            () -> true,
            () -> states,
            clock,
            "host-1",
            session -> Optional.empty(),
            Optional::empty,
            () -> books)
        .run();

    assertThat(published)
        .containsExactly(
            new PublishHeartbeatCommand(
                AT, "host-1", Version.VALUE, states, Optional.empty(), books));
  }

  @Test
  void publishes_nothing_when_interrupted_waiting_for_the_new_sessions_check() {
    new Heartbeat(
            heartbeats,
            () -> false,
            () -> states,
            clock,
            "host-1",
            session -> Optional.empty(),
            Optional::empty,
            Map::of)
        .run();

    assertThat(published).isEmpty();
  }
}
