package com.feesmanager.automation.ports.in;

import java.time.Instant;
import java.util.Objects;

/**
 * Applies a WhatsApp delivery receipt to the message log it refers to (SPEC §6): DELIVERED (ack 2),
 * READ (ack ≥ 3) or FAILED (ack −1, reason {@code WHATSAPP_FAILED}). Unknown ids and duplicates
 * change nothing; a receipt never moves a log backwards.
 */
public interface ApplyReceiptUseCase {

  ReceiptOutcome applyReceipt(ApplyReceiptCommand command);

  /** The provider's message id, what the receipt says, and when it arrived. */
  record ApplyReceiptCommand(String providerMessageId, Receipt receipt, Instant at) {
    public ApplyReceiptCommand {
      Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
      Objects.requireNonNull(receipt, "'receipt' must not be null");
      Objects.requireNonNull(at, "'at' must not be null");
    }
  }

  /** What a receipt reports. */
  enum Receipt {
    DELIVERED,
    READ,
    FAILED
  }

  /** What applying it did. */
  enum ReceiptOutcome {
    APPLIED,
    /** No message log has that provider id. */
    UNKNOWN_MESSAGE,
    /** The log is already there or further (a duplicate or late receipt). */
    NOT_NEWER
  }
}
