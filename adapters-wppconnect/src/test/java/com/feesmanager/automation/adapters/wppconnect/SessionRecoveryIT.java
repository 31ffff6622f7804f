package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
            WppConnectConfig.of(
                    server.baseUrl(),
                    Optional.empty(),
                    Optional.of(WppConnectServerDouble.DEFAULT_SECRET))
                .withTimeout(Duration.ofSeconds(2))
                .withWebhookUrl(OURS));
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
            SendOutcomesIT.config(URI.create(server.baseUrl() + "/wpp"), Duration.ofSeconds(2)))) {

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
