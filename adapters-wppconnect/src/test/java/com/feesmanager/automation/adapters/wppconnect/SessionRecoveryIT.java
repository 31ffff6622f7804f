package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A crashed browser: found by check-connection, healed only by close-session + start-session. */
class SessionRecoveryIT {

  static final String SESSION = "academy-1";
  static final PhoneNumber PARENT = new PhoneNumber("923001234567");
  static final URI OURS = URI.create("http://127.0.0.1:8081/webhooks/wppconnect/ours");

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    gateway =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)).withWebhookUrl(OURS));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void aConnectedSession_isAlive() {
    server.connect(SESSION);
    assertThat(gateway.checkConnection(SESSION)).isEqualTo(ConnectionCheck.ALIVE);
  }

  @Test
  void aCrashedBrowser_saysConnected_butIsDead_andStartSessionAloneDoesNotHealIt() {
    // given
    server.connect(SESSION);
    server.crashBrowser(SESSION);

    // when
    SessionState state = gateway.sessionState(SESSION);
    ConnectionCheck check = gateway.checkConnection(SESSION);
    gateway.startSession(SESSION);

    // then
    assertThat(state).isEqualTo(SessionState.CONNECTED);
    assertThat(check).isEqualTo(ConnectionCheck.DEAD);
    assertThat(gateway.send(SESSION, PARENT, "hello")).isInstanceOf(SendResult.SessionDown.class);
  }

  @Test
  void closeThenStart_healsACrashedBrowser() {
    // given
    server.connect(SESSION);
    server.crashBrowser(SESSION);

    // when
    boolean closed = gateway.closeSession(SESSION);
    gateway.startSession(SESSION);
    server.finishStarting(SESSION);

    // then
    assertThat(closed).isTrue();
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
    assertThat(gateway.checkConnection(SESSION)).isEqualTo(ConnectionCheck.ALIVE);
    assertThat(gateway.send(SESSION, PARENT, "hello")).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void closeThenStart_reconnectsFromTheSavedLogin_byItself_asTheRealServerDoes()
      throws InterruptedException {
    // given a double whose browser starts as the real one does: no test drives finishStarting
    server.finishStartingAfter(Duration.ofMillis(50));
    server.connect(SESSION);
    server.crashBrowser(SESSION);

    // when
    gateway.closeSession(SESSION);
    gateway.startSession(SESSION);
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (server.state(SESSION) == WppConnectServerDouble.State.INITIALIZING
        && System.nanoTime() < giveUp) {
      Thread.sleep(20);
    }

    // then
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
    assertThat(gateway.send(SESSION, PARENT, "hello")).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void sendsRefusedAsNotActiveInARow_makeASessionDead_evenWhenCheckConnectionSaysTrue() {
    // given a session whose sends get 404 while check-connection still says true
    server.connect(SESSION);
    server.replyToNextSends(
        new WppConnectServerDouble.SendReply.Raw(404, WppConnectPayloads.SESSION_DOWN_404),
        new WppConnectServerDouble.SendReply.Raw(404, WppConnectPayloads.SESSION_DOWN_404));
    gateway.send(SESSION, PARENT, "one");
    gateway.sessionState(SESSION); // the health check lets the next send through
    gateway.send(SESSION, PARENT, "two");

    // when
    ConnectionCheck check = gateway.checkConnection(SESSION);

    // then
    assertThat(check).isEqualTo(ConnectionCheck.DEAD);
    assertThat(server.requests("send-message")).isEqualTo(2);
  }

  @Test
  void sendsRefusedWhileTheSessionWasClosed_doNotMakeItDead_onceItIsConnectedAgain() {
    // given a gateway whose send breaker lets a probe through at once (chaos scenario 3: probes
    // went out every 30 s through a minute-long close)
    try (WppConnectGateway probing =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2))
                .withProbeInterval(Duration.ofMillis(1)))) {
      server.connect(SESSION);
      assertThat(probing.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
      server.setState(SESSION, WppConnectServerDouble.State.CLOSED);
      assertThat(probing.send(SESSION, PARENT, "one")).isInstanceOf(SendResult.SessionDown.class);
      awaitProbeDue();
      assertThat(probing.send(SESSION, PARENT, "two")).isInstanceOf(SendResult.SessionDown.class);
      assertThat(server.requests("send-message")).isEqualTo(2);

      // when the health check sees it closed, starts it, and it connects again
      assertThat(probing.sessionState(SESSION)).isEqualTo(SessionState.CLOSED);
      probing.startSession(SESSION);
      server.finishStarting(SESSION);
      SessionState state = probing.sessionState(SESSION);
      ConnectionCheck check = probing.checkConnection(SESSION);

      // then the refusals the closed state explained are not "connected but cannot send"
      assertThat(state).isEqualTo(SessionState.CONNECTED);
      assertThat(check).isEqualTo(ConnectionCheck.ALIVE);
    }
  }

  /** The 1 ms probe interval has surely passed (no timing is asserted). */
  private static void awaitProbeDue() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aServerThatCannotTell_isCannotTell() {
    server.close();
    assertThat(gateway.checkConnection(SESSION)).isEqualTo(ConnectionCheck.CANNOT_TELL);
  }

  @Test
  void theWebhook_isTakenOnlyWhenTheSessionIsCreated() {
    // given a session created with another webhook, still running
    server.connect(SESSION);

    // when we start it with ours
    gateway.startSession(SESSION);

    // then it keeps none of ours; after close + start it has ours
    assertThat(server.webhook(SESSION)).isEmpty();
    gateway.closeSession(SESSION);
    gateway.startSession(SESSION);
    assertThat(server.webhook(SESSION)).contains(OURS);
  }

  @Test
  void anHtml404FromStatusSession_namesWPPCONNECT_SERVER_URL() {
    try (WppConnectGateway wrong =
        new WppConnectGateway(
            DoubleConfig.at(URI.create(server.baseUrl() + "/wpp"), Duration.ofSeconds(2)))) {

      // when
      SessionState state = wrong.sessionState(SESSION);

      // then
      assertThat(state).isEqualTo(SessionState.UNREACHABLE);
      assertThat(wrong.misconfiguration(SESSION))
          .hasValueSatisfying(detail -> assertThat(detail).contains("WPPCONNECT_SERVER_URL"));
      assertThat(gateway.misconfiguration(SESSION)).isEmpty();
    }
  }
}
