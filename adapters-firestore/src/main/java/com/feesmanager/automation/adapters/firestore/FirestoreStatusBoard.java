package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Objects;
import java.util.Optional;

/**
 * The heartbeat at {@code users/{uid}/automation/status}, rewritten whole on each publish through
 * the write-behind writer (the newest waiting heartbeat replaces an older one).
 */
public final class FirestoreStatusBoard implements StatusBoard {

  private final Firestore firestore;
  private final Calls calls;
  private final WriteBehind writer;

  FirestoreStatusBoard(Firestore firestore, Calls calls, WriteBehind writer) {
    this.firestore = firestore;
    this.calls = calls;
    this.writer = writer;
  }

  @Override
  public void publish(String uid, Heartbeat heartbeat) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(heartbeat, "'heartbeat' must not be null");
    writer.put(ref(uid), WrittenDocuments.heartbeatFields(heartbeat));
  }

  @Override
  public Optional<Heartbeat> last(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    DocumentReference ref = ref(uid);
    Optional<WriteBehind.Write> waiting = writer.unsettled(ref.getPath());
    if (waiting.isPresent() && waiting.get() instanceof WriteBehind.Put put) {
      return Optional.of(WrittenDocuments.heartbeat(put.data()));
    }
    DocumentSnapshot snapshot = calls.read(ref.getPath(), ref::get);
    return snapshot.exists()
        ? Optional.of(WrittenDocuments.heartbeat(snapshot.getData()))
        : Optional.empty();
  }

  private DocumentReference ref(String uid) {
    return firestore.collection("users").document(uid).collection("automation").document("status");
  }
}
