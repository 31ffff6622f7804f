package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import com.feesmanager.automation.ports.out.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SessionReportsTest {

  private final List<Runnable> queued = new ArrayList<>();
  private final Executor executor = queued::add;
  private final Runnable gatewayCheck = () -> {};

  @Test
  void a_session_that_cannot_send_gets_its_gateway_check_now() {
    new SessionReports(executor, gatewayCheck, () -> false).accept(change(SessionState.CLOSED));

    assertThat(queued).containsExactly(gatewayCheck);
  }

  @Test
  void a_session_that_can_send_or_a_stopping_daemon_checks_nothing() {
    new SessionReports(executor, gatewayCheck, () -> false).accept(change(SessionState.CONNECTED));
    new SessionReports(executor, gatewayCheck, () -> true).accept(change(SessionState.CLOSED));

    assertThat(queued).isEmpty();
  }

  private static SessionStatusChanged change(SessionState state) {
    return new SessionStatusChanged("demo", state, "");
  }
}
