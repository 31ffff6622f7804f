package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import com.feesmanager.automation.ports.out.SessionState;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** status-session (only CONNECTED is ready) and start-session through the state machine. */
class SessionHealthIT {

  static final String SESSION = "academy-1";

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    gateway =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2))
                .withWebhookUrl(
                    URI.create("http://127.0.0.1:8081/webhooks/wppconnect/hook-secret")));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void theQrCode_isShownWhileTheSessionWaitsForAScan_andNotOnceConnected() {
    // given
    server.setState(SESSION, State.QRCODE);

    // when
    Optional<String> waiting = gateway.qrCode(SESSION);
    server.setState(SESSION, State.CONNECTED);
    Optional<String> connected = gateway.qrCode(SESSION);

    // then
    assertThat(waiting).hasValueSatisfying(url -> assertThat(url).startsWith("data:image/png"));
    assertThat(connected).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "CLOSED, CLOSED",
    "INITIALIZING, STARTING",
    "QRCODE, NEEDS_SCAN",
    "PHONECODE, NEEDS_SCAN",
    "CONNECTED, CONNECTED"
  })
  void statusSession_mapsEachServerState(State serverState, SessionState expected) {
    // given
    server.setState(SESSION, serverState);

    // when
    SessionState state = gateway.sessionState(SESSION);

    // then
    assertThat(state).isEqualTo(expected);
    assertThat(state.canSend()).isEqualTo(serverState == State.CONNECTED);
  }

  @Test
  void startSession_walksClosedInitializingQrcodeConnected_andRegistersTheWebhook() {
    // given a session that needs a QR scan
    server.requireScanOnStart(SESSION, true);

    // when / then: start-session answers with the state before it started the browser
    assertThat(gateway.startSession(SESSION)).isEqualTo(SessionState.CLOSED);
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.STARTING);
    server.finishStarting(SESSION);
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.NEEDS_SCAN);
    assertThat(gateway.startSession(SESSION)).isEqualTo(SessionState.NEEDS_SCAN);
    server.scanQr(SESSION);
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
    assertThat(server.webhook(SESSION))
        .contains(URI.create("http://127.0.0.1:8081/webhooks/wppconnect/hook-secret"));
  }

  @Test
  void pairingQr_isTheQrCodeOfTheLastStatus_whileTheSessionWaitsForAScan() {
    // given a session that needs a QR scan
    server.requireScanOnStart(SESSION, true);
    assertThat(gateway.pairingQr(SESSION)).as("never asked").isEmpty();
    gateway.startSession(SESSION);
    server.finishStarting(SESSION);

    // when / then: the status shows the QR code, kept until a status says otherwise
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.NEEDS_SCAN);
    assertThat(gateway.pairingQr(SESSION)).contains(WppConnectPayloads.QR_CODE);
    server.scanQr(SESSION);
    assertThat(gateway.pairingQr(SESSION))
        .as("not asked since")
        .contains(WppConnectPayloads.QR_CODE);
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
    assertThat(gateway.pairingQr(SESSION)).isEmpty();
  }

  @Test
  void startSession_afterACloseSession_reconnectsWithoutAScan() {
    // given
    server.connect(SESSION);
    server.setState(SESSION, State.CLOSED);

    // when
    gateway.startSession(SESSION);
    server.finishStarting(SESSION);

    // then
    assertThat(gateway.sessionState(SESSION)).isEqualTo(SessionState.CONNECTED);
  }

  @Test
  void aServerThatIsDown_isUnreachable_forStatusAndStart() throws IOException {
    // given
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (WppConnectGateway down =
        new WppConnectGateway(
            WppConnectConfig.of(
                URI.create("http://127.0.0.1:" + port), Optional.of("token"), Optional.empty()))) {

      // when / then
      assertThat(down.sessionState(SESSION)).isEqualTo(SessionState.UNREACHABLE);
      assertThat(down.startSession(SESSION)).isEqualTo(SessionState.UNREACHABLE);
    }
  }
}
