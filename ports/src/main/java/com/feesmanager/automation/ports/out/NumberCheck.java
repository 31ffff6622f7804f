package com.feesmanager.automation.ports.out;

import java.util.Objects;

/**
 * Whether a number is on WhatsApp, as one session of the gateway sees it (send-test, diagnosis).
 */
public sealed interface NumberCheck {

  /** The number has a WhatsApp account; {@code whatsAppId} is its id, e.g. {@code …@c.us}. */
  record Exists(String whatsAppId, boolean canReceiveMessage) implements NumberCheck {
    public Exists {
      Objects.requireNonNull(whatsAppId, "'whatsAppId' must not be null");
    }
  }

  /** WhatsApp says the number has no account: a send to it fails with NOT_ON_WHATSAPP. */
  record DoesNotExist() implements NumberCheck {}

  /**
   * The gateway could not tell; {@code reason} is a hold reason such as {@code SESSION_DOWN},
   * {@code GATEWAY_UNREACHABLE}, {@code AUTHENTICATION_FAILED} or {@code UNEXPECTED_REPLY}.
   */
  record CannotTell(String reason, String detail) implements NumberCheck {
    public CannotTell {
      Objects.requireNonNull(reason, "'reason' must not be null");
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }
}
