package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.in.CheckGatewayUseCase;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.SessionReport;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase.GatewayState;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayCheckTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");
  private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
  private final List<Instant> checkedAt = new ArrayList<>();

  @Test
  void keeps_the_state_of_each_checked_session_for_the_heartbeats() {
    GatewayCheck check =
        new GatewayCheck(reporting("demo", "other"), new DaemonMetrics(), clock, () -> false);

    check.run();

    assertThat(checkedAt).containsExactly(AT);
    assertThat(check.states())
        .containsEntry("demo", new GatewayState(SessionState.CONNECTED, AT))
        .containsKey("other");
  }

  @Test
  void the_minute_scan_handed_over_goes_with_the_command() {
    AccountScan minuteScan = new AccountScan(List.of(), List.of());
    List<Optional<AccountScan>> seen = new ArrayList<>();
    GatewayCheck check =
        new GatewayCheck(
            command -> {
              seen.add(command.accounts());
              return new GatewayReport(List.of());
            },
            new DaemonMetrics(),
            clock,
            () -> false,
            () -> Optional.of(minuteScan));

    check.run();

    assertThat(seen).containsExactly(Optional.of(minuteScan));
  }

  @Test
  void forgets_sessions_no_account_uses_and_says_whether_it_knows_every_other_one() {
    GatewayCheck check =
        new GatewayCheck(reporting("demo", "gone"), new DaemonMetrics(), clock, () -> false);
    check.run();

    assertThat(check.keepOnly(Set.of("demo"))).isTrue();
    assertThat(check.states()).containsOnlyKeys("demo");
    assertThat(check.keepOnly(Set.of("demo", "new"))).isFalse();
  }

  @Test
  void checks_nothing_once_stopping_and_a_failing_check_is_not_thrown() {
    new GatewayCheck(reporting("demo"), new DaemonMetrics(), clock, () -> true).run();
    assertThat(checkedAt).isEmpty();

    GatewayCheck failing =
        new GatewayCheck(
            command -> {
              throw new IllegalStateException("gateway gone");
            },
            new DaemonMetrics(),
            clock,
            () -> false);
    failing.run();
    assertThat(failing.states()).isEmpty();
  }

  private CheckGatewayUseCase reporting(String... sessions) {
    return command -> {
      checkedAt.add(command.now());
      List<SessionReport> reports = new ArrayList<>();
      for (String session : sessions) {
        reports.add(
            new SessionReport(
                session,
                List.of("demo-academy"),
                SessionState.CONNECTED,
                command.now(),
                Optional.empty(),
                true,
                false));
      }
      return new GatewayReport(reports);
    };
  }
}
