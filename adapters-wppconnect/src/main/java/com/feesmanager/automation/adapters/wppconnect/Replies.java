package com.feesmanager.automation.adapters.wppconnect;

import com.feesmanager.automation.domain.delivery.FailureKind;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Instant;
import java.util.List;
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

  /**
   * The outcome of a send-message reply (401 is handled before, by token regeneration; a 400 "does
   * not exist" is checked against check-number-status by the gateway, see {@link
   * #saysNumberDoesNotExist}).
   */
  static SendResult ofSend(Exchange.Replied reply) {
    int status = reply.status();
    Optional<Map<?, ?>> body = Json.readObject(reply.body());
    switch (status) {
      case 200:
      case 201:
        if (body.isEmpty()) {
          return unexpected(reply);
        }
        // sendText sent, then its look-up of the sent message failed (sender.layer.ts)
        return sentMessage(body.get())
            .orElseGet(
                () ->
                    new SendResult.UnknownOutcome(
                        "HTTP " + status + " without a message id: " + Details.safe(reply.body())));
      case 400:
        return body.flatMap(Replies::message)
            .map(Replies::rejected)
            .orElseGet(() -> unexpected(reply));
      case 401:
        return new SendResult.AuthenticationFailed("HTTP 401 from send-message");
      case 404:
        return body.isPresent()
            ? new SendResult.SessionDown(
                "HTTP 404: " + body.flatMap(Replies::message).orElse("session not active"))
            : misconfigured(reply);
      case 500:
        // thrown before sending, or after sending while looking the message up: ask
        return new SendResult.UnknownOutcome(
            "HTTP 500: " + body.flatMap(Replies::message).orElse(Details.safe(reply.body())));
      case 502:
      case 503:
        // a proxy in front answered: the server behind it is down, nothing reached WhatsApp
        return new SendResult.Unreachable(
            "HTTP " + status + " from a proxy in front of wppconnect-server");
      case 504:
        // the proxy forwarded the request and gave up waiting: it may have been sent
        return new SendResult.UnknownOutcome(
            "HTTP 504: the proxy timed out waiting for the send", true);
      default:
        return unexpected(reply);
    }
  }

  /** A 404 that is not JSON: an HTML "Cannot POST" page, so not wppconnect-server's API. */
  static SendResult misconfigured(Exchange.Replied reply) {
    return new SendResult.Misconfigured(misconfiguration(reply));
  }

  /** The detail of a non-API reply, naming the setting to fix. */
  static String misconfiguration(Exchange.Replied reply) {
    return "HTTP "
        + reply.status()
        + " that is not JSON ("
        + Details.safe(reply.body())
        + "): WPPCONNECT_SERVER_URL does not point at wppconnect-server's API";
  }

  /** True for a 404 (or any status) whose body is not JSON at all: not the server's API. */
  static boolean isNotTheApi(Exchange.Replied reply) {
    return reply.status() == 404 && Json.read(reply.body()).isEmpty();
  }

  /**
   * A 400 "O número … não existe.": the middleware answers it when the number does not exist AND
   * when its own look-up threw, and in the second case still sends (statusConnection.ts).
   */
  static boolean saysNumberDoesNotExist(Exchange.Replied reply) {
    return reply.status() == 400
        && Json.readObject(reply.body())
            .flatMap(Replies::message)
            .map(Replies::numberMissing)
            .orElse(false);
  }

  private static boolean numberMissing(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("não existe")
        || lower.contains("nao existe")
        || lower.contains("not exist");
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
    if (numberMissing(message)) {
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

  /**
   * The QR code of a status-session or start-session reply ({@code qrcode}, a {@code data:image}
   * URL while the status is QRCODE); empty when absent, null or not an image.
   */
  static Optional<String> qrCode(Exchange.Replied reply) {
    return Json.readObject(reply.body())
        .flatMap(body -> Json.string(body.get("qrcode")))
        .filter(code -> code.startsWith("data:image/"));
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

  /**
   * The answer of get-messages: a message from us with exactly {@code text} whose {@code t} (epoch
   * seconds) is not before {@code notBefore}. Anything but a 200 with a list is no answer (a 401
   * "Error on open list" when the look-up throws, a 404 when the session is down, an HTML page).
   */
  static SentLookup ofMessages(Exchange.Replied reply, String text, Instant notBefore) {
    Optional<Map<?, ?>> body = Json.readObject(reply.body());
    Optional<Object> response = body.map(json -> json.get("response"));
    if (reply.status() == 404 && body.isPresent()) {
      // the API's own 404: the session is not connected (an HTML 404 is not the API: no answer)
      return new SentLookup.NotNow("get-messages answered HTTP 404: " + Details.safe(reply.body()));
    }
    if (reply.status() == 502 || reply.status() == 503) {
      // a proxy in front answered: the server behind it is down
      return new SentLookup.NotNow(
          "get-messages answered HTTP " + reply.status() + " from a proxy in front");
    }
    if (reply.status() != 200
        || response.isEmpty()
        || !(response.get() instanceof List<?> messages)) {
      return new SentLookup.NoAnswer(
          "get-messages answered HTTP " + reply.status() + ": " + Details.safe(reply.body()));
    }
    for (Object each : messages) {
      Optional<Map<?, ?>> message = Json.object(each);
      if (message.isEmpty()) {
        continue;
      }
      Map<?, ?> m = message.get();
      Optional<String> id = messageId(m.get("id"));
      boolean fromMe =
          Json.bool(m.get("fromMe"))
              .or(() -> Json.object(m.get("id")).flatMap(i -> Json.bool(i.get("fromMe"))))
              .orElse(id.map(value -> value.startsWith("true_")).orElse(false));
      boolean sameBody = Json.string(m.get("body")).map(text::equals).orElse(false);
      boolean recent =
          Json.number(m.get("t"))
              .map(t -> !Instant.ofEpochSecond(t).isBefore(notBefore))
              .orElse(false);
      if (fromMe && sameBody && recent && id.isPresent()) {
        return new SentLookup.Found(id.get());
      }
    }
    return new SentLookup.NotFound();
  }

  /** get-messages' answer when WhatsApp Web's look-up threw: 401, but not about the token. */
  static boolean isFailedLookup(Exchange.Replied reply) {
    return Json.readObject(reply.body())
        .flatMap(body -> Json.string(body.get("response")))
        .map("Error on open list"::equals)
        .orElse(false);
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
