package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.util.Objects;
import java.util.Optional;

/** Moves a message log along on a WhatsApp receipt; the log's own rule refuses steps back. */
public final class ApplyReceiptService implements ApplyReceiptUseCase {

  static final String WHATSAPP_FAILED = "WHATSAPP_FAILED";

  private final DeliveryLog deliveryLog;

  public ApplyReceiptService(DeliveryLog deliveryLog) {
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
  }

  @Override
  public ReceiptOutcome applyReceipt(ApplyReceiptCommand command) {
    Optional<MessageLog> found = deliveryLog.findByProviderMessageId(command.providerMessageId());
    if (found.isEmpty()) {
      return ReceiptOutcome.UNKNOWN_MESSAGE;
    }
    MessageLog log = found.get();
    MessageStatus next =
        switch (command.receipt()) {
          case DELIVERED -> MessageStatus.DELIVERED;
          case READ -> MessageStatus.READ;
          case FAILED -> MessageStatus.FAILED;
        };
    if (!log.status().canMoveTo(next)) {
      return ReceiptOutcome.NOT_NEWER;
    }
    Optional<String> reason =
        next == MessageStatus.FAILED ? Optional.of(WHATSAPP_FAILED) : Optional.empty();
    boolean applied = deliveryLog.record(log.movedTo(next, command.at(), reason));
    return applied ? ReceiptOutcome.APPLIED : ReceiptOutcome.NOT_NEWER;
  }
}
