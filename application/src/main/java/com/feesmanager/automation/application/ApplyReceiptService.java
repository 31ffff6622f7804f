package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a message log along on a WhatsApp receipt; the log's own rule refuses steps back. A receipt
 * for an id no log has yet is kept (at most {@link #MAX_PENDING} ids, each for {@link
 * #PENDING_FOR}): WhatsApp can acknowledge a message before the worker has recorded its send.
 */
public final class ApplyReceiptService implements ApplyReceiptUseCase {

  static final String WHATSAPP_FAILED = "WHATSAPP_FAILED";

  /** A send is recorded within seconds of its reply; minutes cover a slow store and a retry. */
  public static final Duration PENDING_FOR = Duration.ofMinutes(5);

  /** Enough for a burst of acks on a busy server; beyond it the oldest are forgotten. */
  public static final int MAX_PENDING = 10_000;

  private final DeliveryLog deliveryLog;
  private final Duration pendingFor;
  private final int maxPending;
  // insertion order = arrival order, so the eldest is evicted first
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  public ApplyReceiptService(DeliveryLog deliveryLog) {
    this(deliveryLog, PENDING_FOR, MAX_PENDING);
  }

  ApplyReceiptService(DeliveryLog deliveryLog, Duration pendingFor, int maxPending) {
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.pendingFor = Objects.requireNonNull(pendingFor, "'pendingFor' must not be null");
    this.maxPending = maxPending;
  }

  @Override
  public ReceiptOutcome applyReceipt(ApplyReceiptCommand command) {
    Optional<MessageLog> found = deliveryLog.findByProviderMessageId(command.providerMessageId());
    if (found.isEmpty()) {
      keep(command);
      return ReceiptOutcome.UNKNOWN_MESSAGE;
    }
    return apply(found.get(), command);
  }

  @Override
  public int applyPending(Instant now) {
    Objects.requireNonNull(now, "'now' must not be null");
    List<Pending> due;
    synchronized (pending) {
      pending.values().removeIf(p -> !now.isBefore(p.keptAt().plus(pendingFor)));
      due = new ArrayList<>(pending.values());
    }
    int applied = 0;
    for (Pending p : due) {
      Optional<MessageLog> found =
          deliveryLog.findByProviderMessageId(p.command().providerMessageId());
      if (found.isEmpty()) {
        continue;
      }
      synchronized (pending) {
        pending.remove(p.command().providerMessageId(), p);
      }
      if (apply(found.get(), p.command()) == ReceiptOutcome.APPLIED) {
        applied++;
      }
    }
    return applied;
  }

  /** How many receipts are kept for a log not written yet. */
  int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  private void keep(ApplyReceiptCommand command) {
    synchronized (pending) {
      Pending before = pending.get(command.providerMessageId());
      // keep the furthest receipt of an id: a late "delivered" never replaces "read"
      if (before != null && !rank(before.command().receipt()).canMoveTo(rank(command.receipt()))) {
        return;
      }
      pending.remove(command.providerMessageId());
      pending.put(command.providerMessageId(), new Pending(command, command.at()));
      Iterator<String> eldest = pending.keySet().iterator();
      while (pending.size() > maxPending && eldest.hasNext()) {
        eldest.next();
        eldest.remove();
      }
    }
  }

  private ReceiptOutcome apply(MessageLog log, ApplyReceiptCommand command) {
    MessageStatus next = rank(command.receipt());
    if (!log.status().canMoveTo(next)) {
      return ReceiptOutcome.NOT_NEWER;
    }
    Optional<String> reason =
        next == MessageStatus.FAILED ? Optional.of(WHATSAPP_FAILED) : Optional.empty();
    boolean applied = deliveryLog.record(log.movedTo(next, command.at(), reason));
    return applied ? ReceiptOutcome.APPLIED : ReceiptOutcome.NOT_NEWER;
  }

  private static MessageStatus rank(Receipt receipt) {
    return switch (receipt) {
      case DELIVERED -> MessageStatus.DELIVERED;
      case READ -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
    };
  }

  private record Pending(ApplyReceiptCommand command, Instant keptAt) {}
}
