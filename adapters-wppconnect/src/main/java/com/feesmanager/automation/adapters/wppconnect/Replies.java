package com.feesmanager.automation.adapters.wppconnect;

import com.feesmanager.automation.domain.delivery.FailureKind;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The meaning of wppconnect-server replies: the contract's outcome table, row by row. */
final class Replies {

  static final String NOT_ON_WHATSAPP = "NOT_ON_WHATSAPP";
  static final String INVALID_NUMBER = "INVALID_NUMBER";
  static final String REJECTED = "REJECTED";
  static final String WHATSAPP_FAILED = "WHATSAPP_FAILED";
  static final String SEND_FAILED = "SEND_FAILED";
  static final String UNEXPECTED_REPLY = "UNEXPECTED_REPLY";

  private Replies() {}

  /** The outcome of a send-message reply (401 is handled before, by token regeneration). */
  static SendResult ofSend(Exchange.Replied reply) {
    int status = reply.status();
    Optional<Map<?, ?>> body = Json.readObject(reply.body());
    switch (status) {
      case 200:
      case 201:
        return body.flatMap(Replies::sentMessage).orElseGet(() -> unexpected(reply));
      case 400:
        return body.flatMap(Replies::message)
            .map(Replies::rejected)
            .orElseGet(() -> unexpected(reply));
      case 401:
        return new SendResult.AuthenticationFailed("HTTP 401 from send-message");
      case 404:
        return new SendResult.SessionDown(
            "HTTP 404: " + body.flatMap(Replies::message).orElse("session not active"));
      case 500:
        return new SendResult.Failed(
            FailureKind.RETRYABLE,
            SEND_FAILED,
            "HTTP 500: " + body.flatMap(Replies::message).orElse(Details.safe(reply.body())));
      case 502:
      case 503:
        // a proxy in front answered: the server behind it is down, nothing reached WhatsApp
        return new SendResult.Unreachable(
            "HTTP " + status + " from a proxy in front of wppconnect-server");
      case 504:
        // the proxy forwarded the request and gave up waiting: it may have been sent
        return new SendResult.UnknownOutcome("HTTP 504: the proxy timed out waiting for the send");
      default:
        return unexpected(reply);
    }
  }

  private static Optional<SendResult> sentMessage(Map<?, ?> body) {
    Optional<Map<?, ?>> message = Json.object(Json.firstOf(body.get("response")));
    if (message.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = messageId(message.get().get("id"));
    Optional<Integer> ack = Json.integer(message.get().get("ack"));
    boolean sendFailure = Json.bool(message.get().get("isSendFailure")).orElse(false);
    if (sendFailure || ack.orElse(0) < 0) {
      return Optional.of(
          new SendResult.Failed(
              FailureKind.RETRYABLE,
              WHATSAPP_FAILED,
              "WhatsApp refused the message (ack " + ack.map(String::valueOf).orElse("?") + ")"));
    }
    if (id.isEmpty()) {
      return Optional.empty();
    }
    // no ack at all: handed over but not confirmed, like ack 0
    return Optional.of(new SendResult.Sent(id.get(), ack.orElse(0) < 1));
  }

  private static SendResult rejected(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("não existe")
        || lower.contains("nao existe")
        || lower.contains("not exist")) {
      return new SendResult.Failed(FailureKind.PERMANENT, NOT_ON_WHATSAPP, "HTTP 400: " + message);
    }
    if (lower.contains("inválido")
        || lower.contains("invalido")
        || lower.contains("invalid")
        || lower.contains("wid")) {
      return new SendResult.Failed(FailureKind.PERMANENT, INVALID_NUMBER, "HTTP 400: " + message);
    }
    // the same request will be refused again: fail at once (SPEC §4 "rejected content")
    return new SendResult.Failed(FailureKind.PERMANENT, REJECTED, "HTTP 400: " + message);
  }

  private static SendResult unexpected(Exchange.Replied reply) {
    return new SendResult.Failed(
        FailureKind.RETRYABLE,
        UNEXPECTED_REPLY,
        "unparseable reply, HTTP " + reply.status() + ": " + Details.safe(reply.body()));
  }

  /** The state in a status-session or start-session reply; UNREACHABLE when not understood. */
  static SessionState ofStatus(Exchange.Replied reply) {
    if (reply.status() != 200 && reply.status() != 201) {
      return SessionState.UNREACHABLE;
    }
    return Json.readObject(reply.body())
        .flatMap(body -> Json.string(body.get("status")))
        .map(Replies::sessionState)
        .orElse(SessionState.UNREACHABLE);
  }

  static SessionState sessionState(String status) {
    switch (status.toUpperCase(Locale.ROOT)) {
      case "CONNECTED":
        return SessionState.CONNECTED;
      case "INITIALIZING":
        return SessionState.STARTING;
      case "QRCODE":
      case "PHONECODE":
        return SessionState.NEEDS_SCAN;
      case "CLOSED":
        return SessionState.CLOSED;
      default:
        return SessionState.UNREACHABLE;
    }
  }

  /** The answer of check-number-status. */
  static NumberCheck ofNumberCheck(Exchange.Replied reply, String digits) {
    if (reply.status() == 404) {
      return new NumberCheck.CannotTell("SESSION_DOWN", "HTTP 404: session not active");
    }
    Optional<Map<?, ?>> response =
        Json.readObject(reply.body()).flatMap(body -> Json.object(body.get("response")));
    Optional<Boolean> exists = response.flatMap(r -> Json.bool(r.get("numberExists")));
    if (reply.status() != 200 || exists.isEmpty()) {
      return new NumberCheck.CannotTell(
          UNEXPECTED_REPLY, "HTTP " + reply.status() + ": " + Details.safe(reply.body()));
    }
    if (!exists.get()) {
      return new NumberCheck.DoesNotExist();
    }
    String id = messageId(response.get().get("id")).orElse(digits + "@c.us");
    boolean canReceive = Json.bool(response.get().get("canReceiveMessage")).orElse(true);
    return new NumberCheck.Exists(id, canReceive);
  }

  /** An id as wppconnect writes it: a string, or an object whose {@code _serialized} is one. */
  static Optional<String> messageId(Object id) {
    Optional<String> text =
        id instanceof Map<?, ?> object ? Json.string(object.get("_serialized")) : Json.string(id);
    return text.filter(value -> !value.isBlank());
  }

  private static Optional<String> message(Map<?, ?> body) {
    return Json.string(body.get("message")).map(Details::safe);
  }
}
