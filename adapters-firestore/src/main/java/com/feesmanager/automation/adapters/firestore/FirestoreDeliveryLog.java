package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Message logs at {@code users/{uid}/messageLogs/{messageKey}}. The end of a queued message (SENT,
 * DELIVERED, READ, FAILED, DEAD, or SKIPPED at send time: any status but QUEUED of a log with a
 * {@code queuedAt}) is written through: {@link #record} returns once Firestore has committed it, so
 * the caller may complete the message and a {@code kill -9} loses nothing; when Firestore cannot
 * take it within the call timeout, {@link #record} throws {@link
 * com.feesmanager.automation.ports.out.StoreUnavailable} and the caller keeps the message. QUEUED
 * logs and the SKIPPED logs of the firing (no queued message; a re-fire writes them again) go
 * through the write-behind writer, so firing does not wait on Firestore. Either way the status
 * never moves backwards: a step back from a status this process wrote or read is refused at once,
 * one another process made is refused by a conditional write. {@link #find} sees this process's own
 * writes before they are committed.
 */
public final class FirestoreDeliveryLog implements DeliveryLog {

  private final RestFirestore firestore;
  private final Calls calls;
  private final WriteBehind writer;
  private final Duration writeWithin;

  FirestoreDeliveryLog(
      RestFirestore firestore, Calls calls, WriteBehind writer, Duration writeWithin) {
    this.firestore = firestore;
    this.calls = calls;
    this.writer = writer;
    this.writeWithin = writeWithin;
  }

  @Override
  public boolean record(MessageLog log) {
    Objects.requireNonNull(log, "'log' must not be null");
    String path = path(log.uid(), log.key());
    return endsQueuedMessage(log)
        ? writer.logNow(path, log, writeWithin)
        : writer.log(path, log, writeWithin);
  }

  /** Whether the caller completes a queued message after this log: then it must be durable. */
  static boolean endsQueuedMessage(MessageLog log) {
    return log.status() != MessageStatus.QUEUED && log.queuedAt().isPresent();
  }

  @Override
  public Optional<MessageLog> find(String uid, MessageKey key) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(key, "'key' must not be null");
    String path = path(uid, key);
    Optional<MessageLog> waiting = waiting(uid, key);
    if (waiting.isPresent()) {
      return waiting;
    }
    return stored(uid, key, calls.read(path, () -> firestore.get(path)));
  }

  /** This process's own write of the log, not yet committed: what a read must answer first. */
  Optional<MessageLog> waiting(String uid, MessageKey key) {
    return waiting(writer.unsettled(path(uid, key)));
  }

  /** The log as read from {@code stored}; its status is remembered, so no write steps back. */
  Optional<MessageLog> stored(String uid, MessageKey key, Optional<RestFirestore.Document> stored) {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    WrittenDocuments.status(stored.get()).ifPresent(status -> writer.saw(path(uid, key), status));
    return Optional.of(WrittenDocuments.log(uid, stored.get()));
  }

  /**
   * A collection-group query on {@code providerMessageId} (needs the collection-group scope of that
   * field's single-field index enabled, see docs/firestore.md).
   */
  @Override
  public Optional<MessageLog> findByProviderMessageId(String providerMessageId) {
    Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
    List<WriteBehind.Write> waiting =
        writer.unsettled(
            write ->
                write instanceof WriteBehind.LogWrite logWrite
                    && logWrite
                        .log()
                        .providerMessageId()
                        .filter(providerMessageId::equals)
                        .isPresent());
    if (!waiting.isEmpty()) {
      return waiting(Optional.of(waiting.get(0)));
    }
    List<RestFirestore.Document> found =
        calls.read(
            "messageLogs where providerMessageId == " + providerMessageId,
            () ->
                firestore.query(
                    RestFirestore.Query.group("messageLogs")
                        .where("providerMessageId", providerMessageId)
                        .limit(1)));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RestFirestore.Document stored = found.get(0);
    // users/{uid}/messageLogs/{key}: the account is the grandparent
    String[] segments = stored.path().split("/");
    String uid = segments.length >= 4 ? segments[segments.length - 3] : "";
    return Optional.of(WrittenDocuments.log(uid, stored));
  }

  /** Committed logs only: this process's unsettled writes show once Firestore has them. */
  @Override
  public List<MessageLog> latest(String uid, int limit) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    if (limit <= 0) {
      return List.of();
    }
    List<RestFirestore.Document> found =
        calls.read(
            "users/" + uid + "/messageLogs by updatedAt",
            () ->
                firestore.query(
                    RestFirestore.Query.of("users/" + uid, "messageLogs")
                        .orderBy("updatedAt", true)
                        .limit(limit)));
    return found.stream().map(d -> WrittenDocuments.log(uid, d)).toList();
  }

  private static Optional<MessageLog> waiting(Optional<WriteBehind.Write> write) {
    return write
        .filter(WriteBehind.LogWrite.class::isInstance)
        .map(w -> ((WriteBehind.LogWrite) w).log());
  }

  static String path(String uid, MessageKey key) {
    return "users/" + uid + "/messageLogs/" + key.value();
  }
}
