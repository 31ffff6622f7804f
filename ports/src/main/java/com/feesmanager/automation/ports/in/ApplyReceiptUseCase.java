package com.feesmanager.automation.ports.in;

import java.time.Instant;
import java.util.Objects;

/**
 * Applies a WhatsApp delivery receipt to the message log it refers to (SPEC §6): DELIVERED (ack 2),
 * READ (ack ≥ 3 except 5, PEER) or FAILED (any ack from −7 to −1, reason {@code WHATSAPP_FAILED}).
 * Duplicates change nothing; a receipt never moves a log backwards. A receipt for an id no log has
 * yet (it can arrive before the send's outcome is recorded) is kept for a few minutes and applied
 * by {@link #applyPending} once the log is there.
 */
public interface ApplyReceiptUseCase {

  ReceiptOutcome applyReceipt(ApplyReceiptCommand command);

  /**
   * Applies the kept receipts whose message log now exists and forgets those kept too long; call it
   * after a SENT log is written and at every minute check. Returns how many were applied.
   */
  int applyPending(Instant now);

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
    /** No message log has that provider id (yet): the receipt is kept for {@link #applyPending}. */
    UNKNOWN_MESSAGE,
    /** The log is already there or further (a duplicate or late receipt). */
    NOT_NEWER
  }
}
