package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.message.MessageKey;
import java.util.List;
import java.util.Optional;

/**
 * The message logs the web app reads (SPEC §1.5). Writing is idempotent by key and a status never
 * moves backwards, even with two writers racing.
 */
public interface DeliveryLog {

  /**
   * Creates the log, or moves an existing one to {@code log}'s status when {@link
   * com.feesmanager.automation.domain.delivery.MessageStatus#canMoveTo} allows; the same status
   * again updates attempts and times. Returns false when the write was refused as a step back.
   *
   * <p>A log that ends a queued message (any status but QUEUED, with {@code queuedAt}) is durable
   * when this returns, so the caller may then complete the message; when the store cannot take it
   * in time this throws {@link StoreUnavailable} and nothing is recorded. Other logs may be written
   * after this returns.
   */
  boolean record(MessageLog log);

  Optional<MessageLog> find(String uid, MessageKey key);

  /** The log a WhatsApp receipt refers to, by the provider's message id. */
  Optional<MessageLog> findByProviderMessageId(String providerMessageId);

  /**
   * The account's logs as the store holds them, most recently updated first, at most {@code limit}
   * (the operator console's message logs).
   */
  List<MessageLog> latest(String uid, int limit);
}
