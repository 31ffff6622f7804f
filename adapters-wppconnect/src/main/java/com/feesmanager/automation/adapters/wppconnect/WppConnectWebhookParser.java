package com.feesmanager.automation.adapters.wppconnect;

import com.feesmanager.automation.ports.out.GatewayEvent;
import com.feesmanager.automation.ports.out.SessionState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the flat JSON events wppconnect-server POSTs to a session's webhook into {@link
 * GatewayEvent}s: {@code onack} (message id → delivered, read, played or failed), {@code
 * status-find} and {@code qrcode} (session state). Acks of incoming messages, acks below
 * "delivered" and unknown events are {@link GatewayEvent.Ignored}; a body that is no event at all
 * throws {@link MalformedWebhookEvent}. Stateless: duplicates and order are the receiver's concern
 * (keep the highest ack, {@link GatewayEvent.AckLevel#outranks}).
 */
public final class WppConnectWebhookParser {

  /** Parses one webhook body. */
  public GatewayEvent parse(byte[] body) {
    Objects.requireNonNull(body, "'body' must not be null");
    Map<?, ?> event =
        Json.readObject(body)
            .orElseThrow(() -> new MalformedWebhookEvent("the body is not a JSON object"));
    String name =
        Json.string(event.get("event"))
            .filter(text -> !text.isBlank())
            .orElseThrow(() -> new MalformedWebhookEvent("the event has no \"event\" name"));
    switch (name) {
      case "onack":
        return ack(event);
      case "status-find":
        return statusFind(event);
      case "qrcode":
        return new GatewayEvent.SessionStatusChanged(
            session(event), SessionState.NEEDS_SCAN, "qrcode");
      default:
        return new GatewayEvent.Ignored("event " + Details.safe(name) + " is not handled");
    }
  }

  /** Parses one webhook body given as text. */
  public GatewayEvent parse(String body) {
    return parse(
        Objects.requireNonNull(body, "'body' must not be null").getBytes(StandardCharsets.UTF_8));
  }

  /** Longer than any WhatsApp message id (group ids included, about 100 characters). */
  static final int MAX_MESSAGE_ID_LENGTH = 512;

  private static GatewayEvent ack(Map<?, ?> event) {
    String session = session(event);
    Object rawId = event.get("id");
    String id =
        Replies.messageId(rawId)
            .orElseThrow(
                () -> new MalformedWebhookEvent("onack has no message id (id or id._serialized)"));
    if (id.length() > MAX_MESSAGE_ID_LENGTH) {
      // real ids are under 100 characters; a longer one can match no log, and Firestore refuses
      // to look for it (a 503 would make the sender retry forever)
      throw new MalformedWebhookEvent(
          "onack has a message id longer than " + MAX_MESSAGE_ID_LENGTH + " characters");
    }
    int ack =
        Json.integer(event.get("ack"))
            .orElseThrow(() -> new MalformedWebhookEvent("onack has no numeric \"ack\""));
    if (!fromMe(rawId, id, event)) {
      return new GatewayEvent.Ignored("ack of an incoming message");
    }
    Optional<GatewayEvent.AckLevel> level = level(ack);
    if (level.isEmpty()) {
      return new GatewayEvent.Ignored("ack " + ack + " is not a receipt");
    }
    return new GatewayEvent.MessageAck(session, id, level.get());
  }

  /** Ours when no field says otherwise: {@code id.fromMe}, top-level {@code fromMe}, id prefix. */
  private static boolean fromMe(Object rawId, String id, Map<?, ?> event) {
    if (rawId instanceof Map<?, ?> object) {
      Optional<Boolean> flag = Json.bool(object.get("fromMe"));
      if (flag.isPresent()) {
        return flag.get();
      }
    }
    Optional<Boolean> flag = Json.bool(event.get("fromMe"));
    if (flag.isPresent()) {
      return flag.get();
    }
    return !id.startsWith("false_");
  }

  /**
   * wppconnect's AckType: every negative value (−7 … −1: ERROR, EXPIRED, FAILED, INACTIVE, …) is a
   * failure; 2 delivered; 3 read, 4 played and anything higher read, except 5 (PEER), which is the
   * sender's own other device and no receipt from the recipient; 0 and 1 say nothing new.
   */
  static Optional<GatewayEvent.AckLevel> level(int ack) {
    if (ack < 0) {
      return Optional.of(GatewayEvent.AckLevel.FAILED);
    }
    switch (ack) {
      case 0:
      case 1:
      case 5:
        return Optional.empty();
      case 2:
        return Optional.of(GatewayEvent.AckLevel.DELIVERED);
      case 4:
        return Optional.of(GatewayEvent.AckLevel.PLAYED);
      default:
        return Optional.of(GatewayEvent.AckLevel.READ);
    }
  }

  private static GatewayEvent statusFind(Map<?, ?> event) {
    String session = session(event);
    String status =
        Json.string(event.get("status"))
            .filter(text -> !text.isBlank())
            .orElseThrow(() -> new MalformedWebhookEvent("status-find has no \"status\""));
    return stateOf(status)
        .<GatewayEvent>map(state -> new GatewayEvent.SessionStatusChanged(session, state, status))
        .orElseGet(
            () ->
                new GatewayEvent.Ignored(
                    "status-find " + Details.safe(status) + " says nothing about the session"));
  }

  /** wppconnect's StatusFind names (including its historic spelling "desconnectedMobile"). */
  static Optional<SessionState> stateOf(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "inchat":
      case "islogged":
      case "qrreadsuccess":
      case "successchat":
        return Optional.of(SessionState.CONNECTED);
      case "notlogged":
      case "desconnectedmobile":
      case "disconnectedmobile":
      case "deletetoken":
      case "qrreadfail":
      case "qrreaderror":
        return Optional.of(SessionState.NEEDS_SCAN);
      case "browserclose":
      case "autoclosecalled":
      case "serverclose":
      case "noopenbrowser":
      case "erropagewhatsapp":
        return Optional.of(SessionState.CLOSED);
      case "initbrowser":
      case "openbrowser":
      case "connectbrowserws":
      case "initwhatsapp":
      case "successpagewhatsapp":
      case "waitforlogin":
      case "waitchat":
        return Optional.of(SessionState.STARTING);
      default:
        return Optional.empty();
    }
  }

  private static String session(Map<?, ?> event) {
    return Json.string(event.get("session"))
        .filter(text -> !text.isBlank())
        .orElseThrow(() -> new MalformedWebhookEvent("the event names no \"session\""));
  }
}
