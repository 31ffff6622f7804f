package com.feesmanager.automation.ports.out;

import java.util.Objects;

/**
 * Something the WhatsApp gateway reported on its own (SPEC §6 delivery receipts): a receipt for a
 * sent message, a session state change, or an event that carries nothing for us.
 */
public sealed interface GatewayEvent {

  /** A receipt for the message the gateway had answered with {@code providerMessageId}. */
  record MessageAck(String session, String providerMessageId, AckLevel level)
      implements GatewayEvent {
    public MessageAck {
      Objects.requireNonNull(session, "'session' must not be null");
      Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
      Objects.requireNonNull(level, "'level' must not be null");
      if (providerMessageId.isBlank()) {
        throw new IllegalArgumentException("'providerMessageId' must not be blank");
      }
    }
  }

  /** The session moved to {@code state}; {@code detail} is the gateway's own word for it. */
  record SessionStatusChanged(String session, SessionState state, String detail)
      implements GatewayEvent {
    public SessionStatusChanged {
      Objects.requireNonNull(session, "'session' must not be null");
      Objects.requireNonNull(state, "'state' must not be null");
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /** A well-formed event that changes nothing here (incoming-message ack, unknown event …). */
  record Ignored(String reason) implements GatewayEvent {
    public Ignored {
      Objects.requireNonNull(reason, "'reason' must not be null");
    }
  }

  /**
   * How far a sent message got, in the order receipts rank: a later receipt of a lower level (a
   * late "delivered" after "read") changes nothing.
   */
  enum AckLevel {
    /** WhatsApp gave up on the message (SPEC §6: FAILED, reason {@code WHATSAPP_FAILED}). */
    FAILED,
    DELIVERED,
    READ,
    /** A voice or video message was played; counts as read. */
    PLAYED;

    /** True when this receipt ranks above {@code other}, so it should replace it. */
    public boolean outranks(AckLevel other) {
      return compareTo(Objects.requireNonNull(other, "'other' must not be null")) > 0;
    }
  }
}
