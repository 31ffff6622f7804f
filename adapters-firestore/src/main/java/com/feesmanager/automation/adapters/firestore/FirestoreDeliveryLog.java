package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QuerySnapshot;
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

  private final Firestore firestore;
  private final Calls calls;
  private final WriteBehind writer;
  private final Duration writeWithin;

  FirestoreDeliveryLog(Firestore firestore, Calls calls, WriteBehind writer, Duration writeWithin) {
    this.firestore = firestore;
    this.calls = calls;
    this.writer = writer;
    this.writeWithin = writeWithin;
  }

  @Override
  public boolean record(MessageLog log) {
    Objects.requireNonNull(log, "'log' must not be null");
    DocumentReference ref = ref(log.uid(), log.key());
    return endsQueuedMessage(log)
        ? writer.logNow(ref, log, writeWithin)
        : writer.log(ref, log, writeWithin);
  }

  /** Whether the caller completes a queued message after this log: then it must be durable. */
  static boolean endsQueuedMessage(MessageLog log) {
    return log.status() != MessageStatus.QUEUED && log.queuedAt().isPresent();
  }

  @Override
  public Optional<MessageLog> find(String uid, MessageKey key) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(key, "'key' must not be null");
    DocumentReference ref = ref(uid, key);
    Optional<MessageLog> waiting = waiting(writer.unsettled(ref.getPath()));
    if (waiting.isPresent()) {
      return waiting;
    }
    DocumentSnapshot snapshot = calls.read(ref.getPath(), ref::get);
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    WrittenDocuments.status(snapshot).ifPresent(status -> writer.saw(ref.getPath(), status));
    return Optional.of(WrittenDocuments.log(uid, snapshot));
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
    QuerySnapshot found =
        calls.read(
            "messageLogs where providerMessageId == " + providerMessageId,
            () ->
                firestore
                    .collectionGroup("messageLogs")
                    .whereEqualTo("providerMessageId", providerMessageId)
                    .limit(1)
                    .get());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DocumentSnapshot snapshot = found.getDocuments().get(0);
    // users/{uid}/messageLogs/{key}: the account is the grandparent
    String uid = snapshot.getReference().getParent().getParent().getId();
    return Optional.of(WrittenDocuments.log(uid, snapshot));
  }

  /** Committed logs only: this process's unsettled writes show once Firestore has them. */
  @Override
  public List<MessageLog> latest(String uid, int limit) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    if (limit <= 0) {
      return List.of();
    }
    QuerySnapshot found =
        calls.read(
            "users/" + uid + "/messageLogs by updatedAt",
            () ->
                firestore
                    .collection("users")
                    .document(uid)
                    .collection("messageLogs")
                    .orderBy("updatedAt", Query.Direction.DESCENDING)
                    .limit(limit)
                    .get());
    return found.getDocuments().stream().map(d -> WrittenDocuments.log(uid, d)).toList();
  }

  private static Optional<MessageLog> waiting(Optional<WriteBehind.Write> write) {
    return write
        .filter(WriteBehind.LogWrite.class::isInstance)
        .map(w -> ((WriteBehind.LogWrite) w).log());
  }

  private DocumentReference ref(String uid, MessageKey key) {
    return firestore
        .collection("users")
        .document(uid)
        .collection("messageLogs")
        .document(key.value());
  }
}
