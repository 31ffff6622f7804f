package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.ports.out.GatewayEvent;
import com.feesmanager.automation.ports.out.GatewayEvent.AckLevel;
import com.feesmanager.automation.ports.out.SessionState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WppConnectWebhookParserTest {

  static final String ID = "true_923001234567@c.us_3EB0C0FFEE0123456789";

  private final WppConnectWebhookParser parser = new WppConnectWebhookParser();

  @ParameterizedTest
  @CsvSource({
    "2, DELIVERED",
    "3, READ",
    "4, PLAYED",
    "6, READ",
    "-1, FAILED",
    "-2, FAILED",
    "-3, FAILED",
    "-4, FAILED",
    "-5, FAILED",
    "-6, FAILED",
    "-7, FAILED"
  })
  void onack_withTheIdAsAnObject_isAReceiptForItsSerializedId(int ack, AckLevel level) {
    assertThat(parser.parse(WppConnectPayloads.onAck("academy-1", ID, ack)))
        .isEqualTo(new GatewayEvent.MessageAck("academy-1", ID, level));
  }

  @ParameterizedTest
  @CsvSource({"2, DELIVERED", "3, READ", "-1, FAILED"})
  void onack_withTheIdAsAString_isAReceiptToo(int ack, AckLevel level) {
    assertThat(parser.parse(WppConnectPayloads.onAckWithStringId("academy-1", ID, ack)))
        .isEqualTo(new GatewayEvent.MessageAck("academy-1", ID, level));
  }

  @Test
  void onack_ofAnIncomingMessage_isIgnored_whetherFlaggedInTheIdOrByItsPrefix() {
    String incoming = "false_923001234567@c.us_3EB0AAAA";
    assertThat(parser.parse(WppConnectPayloads.onAck("academy-1", incoming, 3)))
        .isInstanceOf(GatewayEvent.Ignored.class);
    assertThat(parser.parse(WppConnectPayloads.onAckWithStringId("academy-1", incoming, 3)))
        .isInstanceOf(GatewayEvent.Ignored.class);
    assertThat(
            parser.parse(
                "{\"event\":\"onack\",\"session\":\"s\",\"id\":{\"fromMe\":false,"
                    + "\"_serialized\":\"true_x_y\"},\"ack\":2}"))
        .isInstanceOf(GatewayEvent.Ignored.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5})
  void onack_belowDeliveredOrPeer_isIgnored(int ack) {
    assertThat(parser.parse(WppConnectPayloads.onAck("academy-1", ID, ack)))
        .isInstanceOf(GatewayEvent.Ignored.class);
  }

  @Test
  void onack_rewrittenByTheServersMapper_isRefused_notGuessed() {
    // the tagone- mapper puts the ack under "status": deployments keep it off
    assertThatThrownBy(() -> parser.parse(WppConnectPayloads.onAckMapped("academy-1", ID, 3)))
        .isInstanceOf(MalformedWebhookEvent.class)
        .hasMessageContaining("ack");
  }

  @Test
  void duplicates_parseToEqualEvents_soTheReceiverCanDropThem() {
    String body = WppConnectPayloads.onAck("academy-1", ID, 2);
    assertThat(parser.parse(body)).isEqualTo(parser.parse(body));
  }

  @Test
  void outOfOrderAcks_keepTheHighest_whenTheReceiverFoldsThemWithOutranks() {
    // given READ arrives before DELIVERED, then a duplicate READ
    List<String> bodies =
        List.of(
            WppConnectPayloads.onAck("academy-1", ID, 3),
            WppConnectPayloads.onAckWithStringId("academy-1", ID, 2),
            WppConnectPayloads.onAck("academy-1", ID, 3));

    // when
    AckLevel kept = null;
    List<AckLevel> seen = new ArrayList<>();
    for (String body : bodies) {
      AckLevel level = ((GatewayEvent.MessageAck) parser.parse(body)).level();
      seen.add(level);
      if (kept == null || level.outranks(kept)) {
        kept = level;
      }
    }

    // then
    assertThat(seen).containsExactly(AckLevel.READ, AckLevel.DELIVERED, AckLevel.READ);
    assertThat(kept).isEqualTo(AckLevel.READ);
    assertThat(AckLevel.DELIVERED.outranks(AckLevel.FAILED)).isTrue();
    assertThat(AckLevel.FAILED.outranks(AckLevel.DELIVERED)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "inChat, CONNECTED",
    "isLogged, CONNECTED",
    "qrReadSuccess, CONNECTED",
    "notLogged, NEEDS_SCAN",
    "desconnectedMobile, NEEDS_SCAN",
    "disconnectedMobile, NEEDS_SCAN",
    "deleteToken, NEEDS_SCAN",
    "browserClose, CLOSED",
    "autocloseCalled, CLOSED",
    "serverClose, CLOSED",
    "initBrowser, STARTING",
    "waitForLogin, STARTING"
  })
  void statusFind_isASessionStateChange(String status, SessionState state) {
    assertThat(parser.parse(WppConnectPayloads.statusFind("academy-1", status)))
        .isEqualTo(new GatewayEvent.SessionStatusChanged("academy-1", state, status));
  }

  @Test
  void statusFind_withAnUnknownStatus_isIgnored() {
    assertThat(parser.parse(WppConnectPayloads.statusFind("academy-1", "somethingNew")))
        .isInstanceOf(GatewayEvent.Ignored.class);
  }

  @Test
  void aQrcodeEvent_meansTheSessionNeedsAScan() {
    assertThat(
            parser.parse(
                "{\"event\":\"qrcode\",\"session\":\"academy-1\",\"qrcode\":\"data:image/png;base64,AAA\","
                    + "\"urlcode\":\"2@x\"}"))
        .isEqualTo(
            new GatewayEvent.SessionStatusChanged("academy-1", SessionState.NEEDS_SCAN, "qrcode"));
  }

  @Test
  void otherEvents_areIgnored() {
    assertThat(
            parser.parse(
                "{\"event\":\"onmessage\",\"session\":\"academy-1\",\"body\":\"hi\","
                    + "\"from\":\"923001234567@c.us\"}"))
        .isInstanceOf(GatewayEvent.Ignored.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "\"onack\"",
        "{}",
        "{\"event\":\"\"}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":2}",
        "{\"event\":\"onack\",\"session\":\"s\",\"id\":{\"fromMe\":true},\"ack\":2}",
        "{\"event\":\"onack\",\"session\":\"s\",\"id\":\"true_x_y\",\"ack\":\"2\"}",
        "{\"event\":\"onack\",\"id\":\"true_x_y\",\"ack\":2}",
        "{\"event\":\"status-find\",\"session\":\"s\"}",
        "{\"event\":\"onack\",\"session\":\"s\",\"id\":\"true_x_y\",\"ack\":2"
      })
  void malformedBodies_areRejected(String body) {
    assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhookEvent.class);
  }

  @Test
  void an_ack_whose_message_id_is_longer_than_any_real_one_is_malformed_not_a_store_failure() {
    // issue 13: a 200 kB id reached Firestore's query, which refused it, and the webhook answered
    // 503 "try again later" to a body that can never succeed
    String body =
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":3,\"id\":\"" + "9".repeat(200_000) + "\"}";

    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(MalformedWebhookEvent.class)
        .hasMessageContaining("message id longer than");
  }
}
