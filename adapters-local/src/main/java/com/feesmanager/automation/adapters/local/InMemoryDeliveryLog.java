package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-process message logs by account and key; a write that would move a status backwards is
 * refused, and each provider message id stays findable once seen.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {

  private final Map<LogId, MessageLog> logs = new HashMap<>();
  private final Map<String, LogId> byProviderMessageId = new HashMap<>();

  @Override
  public synchronized boolean record(MessageLog log) {
    Objects.requireNonNull(log, "'log' must not be null");
    LogId id = new LogId(log.uid(), log.key());
    MessageLog current = logs.get(id);
    if (current != null
        && current.status() != log.status()
        && !current.status().canMoveTo(log.status())) {
      return false;
    }
    logs.put(id, log);
    log.providerMessageId().ifPresent(providerId -> byProviderMessageId.put(providerId, id));
    return true;
  }

  @Override
  public synchronized Optional<MessageLog> find(String uid, MessageKey key) {
    return Optional.ofNullable(logs.get(new LogId(uid, key)));
  }

  @Override
  public synchronized Optional<MessageLog> findByProviderMessageId(String providerMessageId) {
    return Optional.ofNullable(byProviderMessageId.get(providerMessageId)).map(logs::get);
  }

  @Override
  public synchronized List<MessageLog> latest(String uid, int limit) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return logs.values().stream()
        .filter(log -> log.uid().equals(uid))
        .sorted(Comparator.comparing(MessageLog::updatedAt).reversed())
        .limit(Math.max(0, limit))
        .toList();
  }

  /** Every log, in no particular order: what the demo summarises. */
  public synchronized List<MessageLog> all() {
    return List.copyOf(logs.values());
  }

  private record LogId(String uid, MessageKey key) {
    LogId {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(key, "'key' must not be null");
    }
  }
}
