package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's {@code students}, read in pages ordered by document id (a cursor after the last
 * document of each page), each document handed on as soon as its page arrives. A complete read is
 * kept as the account's last good copy: if a page cannot be read, the students after the last one
 * handed on come from that copy while it is no older than {@code FIRESTORE_CACHE_MAX_AGE}.
 */
public final class FirestoreStudentDirectory implements StudentDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(FirestoreStudentDirectory.class);

  /** One student document as mapped, by id. */
  private record Entry(String id, Mapped<Student> mapped) {}

  private final Firestore firestore;
  private final Calls calls;
  private final ReadCache cache;
  private final int pageSize;
  private final Duration ledgerMaxAge;

  FirestoreStudentDirectory(
      Firestore firestore, Calls calls, ReadCache cache, int pageSize, Duration ledgerMaxAge) {
    this.firestore = firestore;
    this.calls = calls;
    this.cache = cache;
    this.pageSize = pageSize;
    this.ledgerMaxAge = ledgerMaxAge;
  }

  @Override
  public void forEachStudent(String uid, Consumer<Mapped<Student>> each) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(each, "'each' must not be null");
    String key = key(uid);
    List<Entry> read = new ArrayList<>();
    Query students = firestore.collection(collection(uid)).orderBy(FieldPath.documentId());
    DocumentSnapshot last = null;
    while (true) {
      Query page =
          last == null ? students.limit(pageSize) : students.startAfter(last).limit(pageSize);
      QuerySnapshot snapshot;
      try {
        snapshot = calls.read(collection(uid), page::get);
      } catch (StoreUnavailable e) {
        handRestFromCopy(uid, key, read, each, e);
        return;
      }
      for (QueryDocumentSnapshot document : snapshot.getDocuments()) {
        Entry entry = new Entry(document.getId(), map(uid, document));
        read.add(entry);
        each.accept(entry.mapped());
      }
      if (snapshot.size() < pageSize) {
        break;
      }
      last = snapshot.getDocuments().get(snapshot.size() - 1);
    }
    cache.keep(key, List.copyOf(read));
  }

  private void handRestFromCopy(
      String uid,
      String key,
      List<Entry> handed,
      Consumer<Mapped<Student>> each,
      StoreUnavailable e) {
    Optional<ReadCache.Stamped<List<Entry>>> copy = cache.usable(key, cache.maxAge());
    if (copy.isEmpty()) {
      throw cache.unavailable(key, "students of account " + uid, e);
    }
    LOG.warn(
        "students of account {}: Firestore unavailable, using the copy read at {}",
        uid,
        copy.get().at());
    String after = handed.isEmpty() ? null : handed.get(handed.size() - 1).id();
    for (Entry entry : copy.get().value()) {
      if (after == null || entry.id().compareTo(after) > 0) {
        each.accept(entry.mapped());
      }
    }
  }

  /**
   * Read afresh (the balance re-check before sending); while Firestore is unavailable, from the
   * account's last complete read if it is at most {@code LEDGER_MAX_AGE} old.
   */
  @Override
  public Optional<Student> student(String uid, String studentId) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    DocumentSnapshot document;
    try {
      document =
          calls.read(
              collection(uid) + "/" + studentId,
              () -> firestore.collection(collection(uid)).document(studentId).get());
    } catch (StoreUnavailable e) {
      Optional<ReadCache.Stamped<List<Entry>>> copy = cache.usable(key(uid), ledgerMaxAge);
      if (copy.isEmpty()) {
        throw new StoreUnavailable(
            "student "
                + studentId
                + " of account "
                + uid
                + " unavailable, and no copy younger"
                + " than LEDGER_MAX_AGE "
                + ledgerMaxAge
                + ": "
                + e.getMessage(),
            e);
      }
      return copy.get().value().stream()
          .filter(entry -> entry.id().equals(studentId))
          .findFirst()
          .flatMap(entry -> value(entry.mapped()));
    }
    if (!document.exists()) {
      return Optional.empty();
    }
    return value(map(uid, document));
  }

  private static Mapped<Student> map(String uid, DocumentSnapshot document) {
    return AccountDocuments.student(
        uid, document.getId(), FirestoreValues.plain(document.getData()));
  }

  private static Optional<Student> value(Mapped<Student> mapped) {
    return mapped instanceof Mapped.Ok<Student> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  private static String collection(String uid) {
    return "users/" + uid + "/students";
  }

  private static String key(String uid) {
    return "students/" + uid;
  }
}
