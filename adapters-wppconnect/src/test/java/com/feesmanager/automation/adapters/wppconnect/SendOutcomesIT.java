package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import com.feesmanager.automation.domain.delivery.FailureKind;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every row of the contract's outcome table, against the server double over real HTTP. */
class SendOutcomesIT {

  static final String SESSION = "academy-1";
  static final PhoneNumber PARENT = new PhoneNumber("923001234567");
  static final String TEXT = "Dear Parent, PKR 4,000 is overdue.";

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    server.connect(SESSION);
    gateway = new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void ack1_isSent_withTheProviderMessageId_andTheRequestIsExactlyOneRecipientAsJson() {
    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.Sent.class);
    SendResult.Sent sent = (SendResult.Sent) result;
    assertThat(sent.providerMessageId()).startsWith("true_923001234567@c.us_3EB0");
    assertThat(sent.ackPending()).isFalse();
    assertThat(server.sends()).hasSize(1);
    WppConnectServerDouble.RecordedSend request = server.sends().get(0);
    assertThat(request.rawBody())
        .isEqualTo(
            "{\"phone\":\"923001234567\",\"message\":\"Dear Parent, PKR 4,000 is overdue.\","
                + "\"isGroup\":false}");
    assertThat(request.isGroup()).isEqualTo(false);
  }

  @Test
  void ack0_isSent_withTheAckPending() {
    // given
    server.replyToNextSends(SendReply.ack(0));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.Sent.class);
    assertThat(((SendResult.Sent) result).ackPending()).isTrue();
  }

  @Test
  void ackMinus1_isARetryableFailure() {
    // given
    server.replyToNextSends(SendReply.ack(-1));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result)
        .isEqualTo(
            new SendResult.Failed(
                FailureKind.RETRYABLE, "WHATSAPP_FAILED", "WhatsApp refused the message (ack -1)"));
  }

  @Test
  void isSendFailure_isARetryableFailure_evenWithoutANegativeAck() {
    // given
    server.replyToNextSends(
        new SendReply.Raw(
            201,
            "{\"status\":\"success\",\"response\":[{\"id\":\"true_923001234567@c.us_AB\","
                + "\"ack\":0,\"isSendFailure\":true}],\"mapper\":\"return\"}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(((SendResult.Failed) result).kind()).isEqualTo(FailureKind.RETRYABLE);
  }

  @Test
  void numberNotOnWhatsApp_isAPermanentFailure_NOT_ON_WHATSAPP_withTheNumberMasked() {
    // given
    server.notOnWhatsApp("923001234567");

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result)
        .isEqualTo(
            new SendResult.Failed(
                FailureKind.PERMANENT,
                "NOT_ON_WHATSAPP",
                "HTTP 400: O número 92300*****67 não existe."));
  }

  @Test
  void anInvalidNumber_isAPermanentFailure_INVALID_NUMBER() {
    // given
    server.replyToNextSends(
        new SendReply.Raw(400, "{\"status\":\"error\",\"message\":\"Invalid wid: 92300\"}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(((SendResult.Failed) result).kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(((SendResult.Failed) result).reason()).isEqualTo("INVALID_NUMBER");
  }

  @Test
  void anotherRefusal400_isPermanent_REJECTED() {
    // given
    server.replyToNextSends(new SendReply.Raw(400, "{\"message\":\"Message too long\"}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(((SendResult.Failed) result).kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(((SendResult.Failed) result).reason()).isEqualTo("REJECTED");
  }

  @Test
  void sessionNotActive404_isSessionDown() {
    // given
    server.setState(SESSION, WppConnectServerDouble.State.CLOSED);

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result)
        .isEqualTo(new SendResult.SessionDown("HTTP 404: A sessão do WhatsApp não está ativa."));
  }

  @Test
  void sessionThatSaysConnectedButSends404_isSessionDown_regardlessOfItsStatus() {
    // given the known lie: status-session still says CONNECTED
    server.crashBrowser(SESSION);

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.SessionDown.class);
  }

  @Test
  void serverError500_beforeSending_isAnUnknownOutcome_andTheChatHasNoSuchMessage() {
    // given
    server.replyToNextSends(SendReply.serverError());
    Instant started = Instant.now();

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result)
        .isEqualTo(new SendResult.UnknownOutcome("HTTP 500: Erro ao enviar a mensagem."));
    assertThat(gateway.findSent(SESSION, PARENT, TEXT, started))
        .isEqualTo(new SentLookup.NotFound());
  }

  @Test
  void serverError500_afterSending_isAnUnknownOutcome_thatTheChatResolvesAsSent() {
    // given
    server.replyToNextSends(new SendReply.ErrorAfterSending());
    Instant started = Instant.now();

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, started);

    // then
    assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(lookup)
        .isEqualTo(new SentLookup.Found(server.chat(SESSION, PARENT.digits()).get(0).id()));
    assertThat(server.delivered(PARENT.digits())).isEqualTo(1);
  }

  @Test
  void anAmbiguousReply_doesNotHoldTheSession_theNextSendGoesOut() {
    // given
    server.replyToNextSends(new SendReply.ErrorAfterSending());
    gateway.send(SESSION, PARENT, TEXT);

    // when
    SendResult next = gateway.send(SESSION, PARENT, "another");

    // then
    assertThat(next).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void a201WithResponseFalse_isAnUnknownOutcome_thatTheChatResolvesAsSent() {
    // given
    server.replyToNextSends(new SendReply.FalseAfterSending());
    Instant started = Instant.now();

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(gateway.findSent(SESSION, PARENT, TEXT, started))
        .isInstanceOf(SentLookup.Found.class);
  }

  @Test
  void theLying400_forANumberThatExists_isAnUnknownOutcome_thatTheChatResolvesAsSent() {
    // given the middleware's look-up threw: 400 "does not exist", and it sent anyway
    server.replyToNextSends(new SendReply.LyingNotExists());
    Instant started = Instant.now();

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(((SendResult.UnknownOutcome) result).detail())
        .contains("check-number-status says it exists");
    assertThat(server.requests("check-number-status")).isEqualTo(1);
    assertThat(gateway.findSent(SESSION, PARENT, TEXT, started))
        .isInstanceOf(SentLookup.Found.class);
  }

  @Test
  void anHtml404_isMisconfigured_namingWPPCONNECT_SERVER_URL() {
    // given a URL with a path in front of the API: Express answers its HTML page
    try (WppConnectGateway wrong =
        new WppConnectGateway(
            DoubleConfig.at(URI.create(server.baseUrl() + "/wpp"), Duration.ofSeconds(2)))) {

      // when
      SendResult result = wrong.send(SESSION, PARENT, TEXT);

      // then
      assertThat(result).isInstanceOf(SendResult.Misconfigured.class);
      assertThat(((SendResult.Misconfigured) result).detail())
          .contains("WPPCONNECT_SERVER_URL")
          .contains("Cannot POST")
          .doesNotContain(WppConnectServerDouble.DEFAULT_SECRET);
      // and the next send is held as misconfigured until the next probe, without a request
      SendResult next = wrong.send(SESSION, PARENT, TEXT);
      assertThat(next).isInstanceOf(SendResult.Misconfigured.class);
      assertThat(((SendResult.Misconfigured) next).detail()).contains("next probe in");
    }
  }

  @Test
  void connectionRefused_isUnreachable_beforeAnythingWasWritten() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (WppConnectGateway down =
        new WppConnectGateway(
            DoubleConfig.at(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)))) {

      // when
      SendResult result = down.send(SESSION, PARENT, TEXT);

      // then
      assertThat(result).isInstanceOf(SendResult.Unreachable.class);
    }
  }

  @Test
  void unresolvableHost_isUnreachable() {
    // given (.invalid never resolves, RFC 2606)
    try (WppConnectGateway nowhere =
        new WppConnectGateway(
            DoubleConfig.at(
                URI.create("http://wppconnect.invalid:21465"), Duration.ofSeconds(2)))) {

      // when
      SendResult result = nowhere.send(SESSION, PARENT, TEXT);

      // then
      assertThat(result)
          .isEqualTo(new SendResult.Unreachable("cannot resolve the server's host name"));
    }
  }

  @Test
  void timeoutAfterTheRequestWasWritten_isAnUnknownOutcome_andTheServerDidReceiveIt() {
    // given
    server.replyToNextSends(new SendReply.Stall());
    try (WppConnectGateway impatient =
        new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofMillis(400)))) {

      // when
      SendResult result = impatient.send(SESSION, PARENT, TEXT);

      // then
      assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
      assertThat(server.sends()).hasSize(1);
    } finally {
      server.releaseStalled();
    }
  }

  @Test
  void aTimeoutAfterTheMessageWentOut_isAnUnknownOutcome_thatTheChatResolvesAsSent() {
    // given
    server.replyToNextSends(new SendReply.StallAfterSending());
    Instant started = Instant.now();
    try (WppConnectGateway impatient =
        new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofMillis(400)))) {

      // when
      SendResult result = impatient.send(SESSION, PARENT, TEXT);
      SentLookup lookup = impatient.findSent(SESSION, PARENT, TEXT, started);

      // then
      assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
      assertThat(lookup).isInstanceOf(SentLookup.Found.class);
    } finally {
      server.releaseStalled();
    }
  }

  @Test
  void connectionDroppedAfterTheRequestWasWritten_isAnUnknownOutcome() {
    // given
    server.replyToNextSends(new SendReply.Drop());

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then: no reply, so the server may still be sending it (asked only later)
    assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
    assertThat(((SendResult.UnknownOutcome) result).noReply()).isTrue();
    assertThat(server.sends()).hasSize(1);
  }

  @Test
  void aSlowReplyWithinTheTimeout_isSent() {
    // given
    server.replyToNextSends(new SendReply.Slow(Duration.ofMillis(300)));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void anUnparseableReply_isARetryableFailure_keepingTheRawStatus() {
    // given
    server.replyToNextSends(new SendReply.Raw(201, "<html>Bad Gateway</html>"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result)
        .isEqualTo(
            new SendResult.Failed(
                FailureKind.RETRYABLE,
                "UNEXPECTED_REPLY",
                "unparseable reply, HTTP 201: <html>Bad Gateway</html>"));
  }

  @Test
  void a201WithoutAMessageId_isAnUnknownOutcome() {
    // given
    server.replyToNextSends(new SendReply.Raw(201, "{\"status\":\"success\",\"response\":[]}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isInstanceOf(SendResult.UnknownOutcome.class);
  }

  @Test
  void aMessageIdAsAnObject_isReadFromItsSerializedForm() {
    // given
    server.replyToNextSends(
        new SendReply.Raw(
            201,
            "{\"response\":[{\"id\":{\"fromMe\":true,\"_serialized\":\"true_923001234567@c.us_XY\"},"
                + "\"ack\":2,\"extra\":{\"nested\":[1,2]}}],\"status\":\"success\"}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(result).isEqualTo(new SendResult.Sent("true_923001234567@c.us_XY", false));
  }

  @Test
  void aProxyThatCannotReachTheServer_isUnreachable_andAProxyTimeoutIsUnknown() {
    // given
    server.replyToNextSends(
        new SendReply.Raw(502, "<html>502 Bad Gateway</html>"),
        new SendReply.Raw(504, "<html>504 Gateway Time-out</html>"));

    // when (a fresh gateway for the second: the first outcome holds the session)
    SendResult badGateway = gateway.send(SESSION, PARENT, TEXT);
    SendResult proxyTimeout;
    try (WppConnectGateway another =
        new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)))) {
      proxyTimeout = another.send(SESSION, PARENT, TEXT);
    }

    // then
    assertThat(badGateway).isInstanceOf(SendResult.Unreachable.class);
    assertThat(proxyTimeout).isInstanceOf(SendResult.UnknownOutcome.class);
  }

  @Test
  void anUnknownStatus_isARetryableFailure_keepingTheStatus() {
    // given
    server.replyToNextSends(new SendReply.Raw(418, "{\"message\":\"teapot\"}"));

    // when
    SendResult result = gateway.send(SESSION, PARENT, TEXT);

    // then
    assertThat(((SendResult.Failed) result).kind()).isEqualTo(FailureKind.RETRYABLE);
    assertThat(((SendResult.Failed) result).detail()).contains("HTTP 418");
  }
}
