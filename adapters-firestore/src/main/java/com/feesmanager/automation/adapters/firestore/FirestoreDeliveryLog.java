package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Message logs at {@code users/{uid}/messageLogs/{messageKey}}, written through the write-behind
 * writer: {@link #record} returns as soon as the write is queued, never waiting on Firestore (so
 * neither firing nor sending waits, and an outage only delays the logs). Its answer is what this
 * process knows: a step back from a status it wrote or read is refused at once; one another process
 * made is refused when the write is committed, as a conditional write, and logged. {@link #find}
 * sees this process's own writes before they are committed.
 */
public final class FirestoreDeliveryLog implements DeliveryLog {

  private final Firestore firestore;
  private final Calls calls;
  private final WriteBehind writer;

  FirestoreDeliveryLog(Firestore firestore, Calls calls, WriteBehind writer) {
    this.firestore = firestore;
    this.calls = calls;
    this.writer = writer;
  }

  @Override
  public boolean record(MessageLog log) {
    Objects.requireNonNull(log, "'log' must not be null");
    return writer.log(ref(log.uid(), log.key()), log);
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
