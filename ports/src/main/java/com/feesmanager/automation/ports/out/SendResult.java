package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.delivery.FailureKind;
import java.util.Objects;

/** What one send attempt came to (SPEC §4, §6; the wppconnect contract's outcome table). */
public sealed interface SendResult {

  /** Handed to WhatsApp; {@code ackPending} when the phone has not acknowledged yet. */
  record Sent(String providerMessageId, boolean ackPending) implements SendResult {
    public Sent {
      Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
    }
  }

  /** The attempt failed: retryable, or permanent with a reason such as {@code NOT_ON_WHATSAPP}. */
  record Failed(FailureKind kind, String reason, String detail) implements SendResult {
    public Failed {
      Objects.requireNonNull(kind, "'kind' must not be null");
      Objects.requireNonNull(reason, "'reason' must not be null");
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /** The session is not active: hold its queue, no attempt consumed. */
  record SessionDown(String detail) implements SendResult {
    public SessionDown {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /** The server could not be reached before the request was written: hold, no attempt consumed. */
  record Unreachable(String detail) implements SendResult {
    public Unreachable {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /**
   * What answered is not wppconnect-server's API (e.g. an HTML 404 page): the server URL is wrong.
   * Hold, no attempt consumed, and alert GATEWAY_MISCONFIGURED naming WPPCONNECT_SERVER_URL.
   */
  record Misconfigured(String detail) implements SendResult {
    public Misconfigured {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /** Credentials refused even after regenerating the token: hold and alert. */
  record AuthenticationFailed(String detail) implements SendResult {
    public AuthenticationFailed {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /**
   * It may or may not have gone out (a timeout or reset after the request was written, a 500, a 2xx
   * without a message, a 400 "does not exist" for a number that exists): never blindly retried, the
   * gateway is asked with {@link WhatsAppGateway#findSent} (SPEC §6). {@code noReply}: no reply
   * came (a timeout, a reset, a proxy's 504), so the server may still be sending it: it is asked
   * only after the visibility timeout, when the server has surely finished.
   */
  record UnknownOutcome(String detail, boolean noReply) implements SendResult {
    public UnknownOutcome {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }

    /** The server replied (a 500, {@code [false]}, the lying 400): its send is over. */
    public UnknownOutcome(String detail) {
      this(detail, false);
    }
  }
}
