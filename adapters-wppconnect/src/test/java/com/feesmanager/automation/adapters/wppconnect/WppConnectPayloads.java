package com.feesmanager.automation.adapters.wppconnect;

/**
 * Bodies in the shapes wppconnect-server v2.10.x really sends and answers (contract {@code
 * wppconnect.md}), for the server double and for tests of the webhook receiver.
 */
public final class WppConnectPayloads {

  public static final String NO_TOKEN_401 =
      "{\"message\":\"Token is not present. Check your header and try again\"}";
  public static final String WRONG_TOKEN_401 =
      "{\"error\":\"Check that the Session and Token are correct\"}";

  /** get-messages when WhatsApp Web's look-up throws (deviceController.ts): not about the token. */
  public static final String OPEN_LIST_ERROR_401 =
      "{\"status\":\"error\",\"response\":\"Error on open list\",\"error\":{}}";

  /** sendText sent, but getMessageById then returned false (sender.layer.ts). */
  public static final String SENT_FALSE_201 =
      "{\"status\":\"success\",\"response\":[false],\"mapper\":\"return\"}";

  public static final String WRONG_SECRET_400 =
      "{\"response\":false,\"message\":\"The SECRET_KEY is incorrect\"}";
  public static final String SESSION_DOWN_404 =
      "{\"response\":null,\"status\":\"Disconnected\",\"message\":\"A sessão do WhatsApp não está"
          + " ativa.\"}";
  public static final String SEND_ERROR_500 =
      "{\"status\":\"Error\",\"message\":\"Erro ao enviar a mensagem.\",\"error\":{}}";
  public static final String SESSION_CLOSED =
      "{\"status\":true,\"message\":\"Session successfully closed\"}";

  private WppConnectPayloads() {}

  /** 400 when the number has no WhatsApp account. */
  public static String notOnWhatsApp400(String digits) {
    return "{\"response\":null,\"status\":\"Connected\",\"message\":\"O número "
        + digits
        + " não existe.\"}";
  }

  /** 201 of send-message: one message with its id (a string) and ack, plus fields we ignore. */
  public static String sent201(String messageId, String digits, String text, int ack) {
    return "{\"status\":\"success\",\"response\":[{\"id\":"
        + quote(messageId)
        + ",\"ack\":"
        + ack
        + ",\"from\":\"923000000000@c.us\",\"to\":"
        + quote(digits + "@c.us")
        + ",\"body\":"
        + quote(text)
        + ",\"type\":\"chat\",\"t\":1764072000,\"isNewMsg\":true,\"star\":false"
        + ",\"self\":\"out\",\"viewed\":false}],\"mapper\":\"return\"}";
  }

  /** The message id wppconnect answers with: {@code true_<chatId>_<hex>}. */
  public static String messageId(String digits, String hex) {
    return "true_" + digits + "@c.us_" + hex;
  }

  /** The QR code the double's sessions show while they wait for a scan (a data: URL). */
  public static final String QR_CODE = "data:image/png;base64,iVBORw0KGgo=";

  /** status-session and start-session replies. */
  public static String status(String state) {
    if (state.equals("CLOSED")) {
      return "{\"status\":\"CLOSED\",\"qrcode\":null}";
    }
    String qrcode = state.equals("QRCODE") ? quote(QR_CODE) : "null";
    String urlcode = state.equals("QRCODE") ? "\"2@AbCdEf==,xyz\"" : "null";
    return "{\"status\":"
        + quote(state)
        + ",\"qrcode\":"
        + qrcode
        + ",\"urlcode\":"
        + urlcode
        + ",\"version\":\"2.10.4\"}";
  }

  /** check-number-status: the id is an object when the number exists, a string when not. */
  public static String numberStatus(String digits, boolean exists) {
    String id =
        exists
            ? "{\"server\":\"c.us\",\"user\":"
                + quote(digits)
                + ",\"_serialized\":"
                + quote(digits + "@c.us")
                + "}"
            : quote(digits + "@c.us");
    return "{\"status\":\"success\",\"response\":{\"numberExists\":"
        + exists
        + ",\"id\":"
        + id
        + ",\"isBusiness\":false,\"canReceiveMessage\":"
        + exists
        + "}}";
  }

  /** An onack webhook event with the message id as an object (the usual shape). */
  public static String onAck(String session, String messageId, int ack) {
    boolean fromMe = !messageId.startsWith("false_");
    String[] parts = messageId.split("_", 3);
    String remote = parts.length > 1 ? parts[1] : "";
    String hex = parts.length > 2 ? parts[2] : messageId;
    return "{\"event\":\"onack\",\"session\":"
        + quote(session)
        + ",\"id\":{\"fromMe\":"
        + fromMe
        + ",\"remote\":"
        + quote(remote)
        + ",\"id\":"
        + quote(hex)
        + ",\"_serialized\":"
        + quote(messageId)
        + "},\"body\":\"Dear Parent, PKR 4,000 is overdue.\",\"type\":\"chat\",\"t\":1764072000"
        + ",\"from\":\"923000000000@c.us\",\"to\":"
        + quote(remote)
        + ",\"ack\":"
        + ack
        + ",\"isNewMsg\":false,\"star\":false}";
  }

  /**
   * An onack webhook event with the message id as a plain string (older servers). A server with its
   * mapper on sends {@code status} instead of {@code ack}: see {@link #onAckMapped}.
   */
  public static String onAckWithStringId(String session, String messageId, int ack) {
    return "{\"event\":\"onack\",\"session\":"
        + quote(session)
        + ",\"id\":"
        + quote(messageId)
        + ",\"ack\":"
        + ack
        + ",\"type\":\"chat\"}";
  }

  /**
   * An onack event as the server's "tagone-" mapper rewrites it (mapper/tagone-onack.ts): the ack
   * under {@code status}, the id flattened, {@code t} as {@code timestamp}. Deployments keep the
   * mapper off; the receiver refuses this shape rather than guess.
   */
  public static String onAckMapped(String session, String messageId, int ack) {
    return "{\"event\":\"onack\",\"status\":"
        + ack
        + ",\"id\":"
        + quote(messageId)
        + ",\"session\":"
        + quote(session)
        + ",\"timestamp\":1764072000}";
  }

  /** get-messages: {@code {status:"success", response:[msg…]}} with the fields we read and more. */
  public static String messages(
      String chatId, java.util.List<WppConnectServerDouble.ChatMessage> messages) {
    StringBuilder list = new StringBuilder();
    for (WppConnectServerDouble.ChatMessage m : messages) {
      if (list.length() > 0) {
        list.append(',');
      }
      list.append("{\"id\":")
          .append(quote(m.id()))
          .append(",\"body\":")
          .append(quote(m.body()))
          .append(",\"type\":\"chat\",\"t\":")
          .append(m.t())
          .append(",\"fromMe\":")
          .append(m.fromMe())
          .append(",\"ack\":")
          .append(m.ack())
          .append(",\"from\":\"923000000000@c.us\",\"to\":")
          .append(quote(chatId))
          .append(",\"chatId\":")
          .append(quote(chatId))
          .append(",\"isNewMsg\":false}");
    }
    return "{\"status\":\"success\",\"response\":[" + list + "]}";
  }

  /** A status-find webhook event. */
  public static String statusFind(String session, String status) {
    return "{\"event\":\"status-find\",\"session\":"
        + quote(session)
        + ",\"status\":"
        + quote(status)
        + "}";
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
