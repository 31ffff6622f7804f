package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectPayloads;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against wppconnect-server as it really misbehaves (issue 11): a crashed browser that
 * still says CONNECTED, and a server URL that is not the API.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class WhatsAppFaultsIT {

  @TempDir Path workDir;
  private E2eStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = E2eStack.start(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void a_crashed_session_is_closed_and_started_again_and_its_held_messages_arrive_once_each()
      throws Exception {
    // given a due account whose session's browser crashed: status CONNECTED, sends 404
    E2eAccount account = E2eAccount.dueThisMinute(4);
    stack.importAccount(account);
    stack.whatsapp.crashBrowser(account.session());
    stack.whatsapp.connectOnNextStatus(true);
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_HEALTH_INTERVAL", "PT2S");

    // when the daemon runs
    JarProcess daemon = stack.startDaemon(env);

    // then the session is restarted (close-session, start-session) and each message arrives once
    await(
        "every message in a chat",
        Duration.ofSeconds(90),
        () -> account.expectedDigits().stream().allMatch(d -> stack.whatsapp.delivered(d) >= 1));
    Thread.sleep(3_000);
    assertThat(stack.whatsapp.requests("close-session")).as(daemon.err()).isEqualTo(1);
    for (String digits : account.expectedDigits()) {
      assertThat(stack.whatsapp.delivered(digits)).as(digits + stack.transcript()).isEqualTo(1);
    }
    await(
        "the logs to end SENT",
        Duration.ofSeconds(30),
        () ->
            stack.logsByStudent(account.uid()).values().stream()
                    .filter(log -> "SENT".equals(log.getString("status")))
                    .count()
                == account.students());
    assertThat(daemon.err() + daemon.out()).contains("SESSION_RESTARTED");
  }

  @Test
  void a_browserClose_from_the_webhook_runs_the_check_at_once_and_restarts_the_session()
      throws Exception {
    // given a running daemon whose next health check is far away, and its session sent
    E2eAccount account = E2eAccount.dueThisMinute(1);
    stack.importAccount(account);
    int port = E2eStack.freePort();
    Map<String, String> env = stack.env(port);
    env.put("WPP_HEALTH_INTERVAL", "PT10M");
    JarProcess daemon = stack.startDaemon(env);
    await("the first message", Duration.ofSeconds(60), () -> stack.sends().size() >= 1);

    // when the browser crashes and the server reports it on the webhook
    stack.whatsapp.crashBrowser(account.session());
    int status =
        stack.post(
            port,
            "/webhooks/wppconnect/" + E2eStack.WEBHOOK_SECRET,
            WppConnectPayloads.statusFind(account.session(), "browserClose"));

    // then the session is closed and started again within seconds, not at the next interval
    assertThat(status).isEqualTo(200);
    await(
        "close-session",
        Duration.ofSeconds(20),
        () -> stack.whatsapp.requests("close-session") == 1);
    await(
        "start-session after it",
        Duration.ofSeconds(20),
        () -> stack.whatsapp.state(account.session()) == WppConnectServerDouble.State.INITIALIZING);
    assertThat(daemon.isAlive()).isTrue();
  }

  @Test
  void a_wrong_server_url_makes_check_exit_non_zero_naming_WPPCONNECT_SERVER_URL()
      throws Exception {
    // given a URL with a path in front of the API: Express answers its HTML 404 page
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPPCONNECT_SERVER_URL", stack.whatsapp.baseUrl() + "/wpp");

    // when
    JarProcess check = JarProcess.run(workDir, Duration.ofSeconds(60), env, "check");

    // then
    assertThat(check.exitCode()).as(check.err()).isNotZero();
    assertThat(check.out())
        .contains("GATEWAY_MISCONFIGURED")
        .contains("WPPCONNECT_SERVER_URL")
        .doesNotContain(stack.whatsapp.secretKey());
  }
}
