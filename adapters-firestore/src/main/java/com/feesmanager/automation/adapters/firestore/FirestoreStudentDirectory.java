package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.google.api.gax.rpc.ApiStreamObserver;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's {@code students}, streamed by one query in document id order, each document handed
 * on as it arrives (at most {@code pageSize} wait in memory). A stream that breaks is resumed after
 * the last student handed on (a cursor on the document id); a complete read is kept as the
 * account's last good copy (packed as it is read: {@link StudentCopy}), and if the stream cannot be
 * resumed, the students after the last one handed on come from that copy while it is no older than
 * {@code FIRESTORE_CACHE_MAX_AGE}.
 */
public final class FirestoreStudentDirectory implements StudentDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(FirestoreStudentDirectory.class);
  private static final int STREAM_ATTEMPTS = 3;
  private static final Object END = new Object();

  /** How far a read got: the students packed so far and the id of the last one handed on. */
  private static final class Progress {
    final StudentCopy.Writer copy = new StudentCopy.Writer();
    Optional<String> last = Optional.empty();
  }

  private final Firestore firestore;
  private final Calls calls;
  private final ReadCache cache;
  private final int pageSize;
  private final Duration ledgerMaxAge;
  private final Duration timeout;

  FirestoreStudentDirectory(
      Firestore firestore,
      Calls calls,
      ReadCache cache,
      int pageSize,
      Duration ledgerMaxAge,
      Duration timeout) {
    this.timeout = timeout;
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
    if (calls.recentlyFailed()) {
      handRestFromCopy(
          uid,
          key,
          Optional.empty(),
          each,
          new Calls.Transient("Firestore unavailable (recent reads failed)", null));
      return;
    }
    StoreUnavailable failure = null;
    Progress read = new Progress();
    try (StudentCopy.Writer copy = read.copy) {
      for (int attempt = 1; attempt <= STREAM_ATTEMPTS; attempt++) {
        try {
          stream(uid, read, each);
          cache.keep(key, copy.finish());
          return;
        } catch (StoreUnavailable e) {
          failure = e;
          if (!(e instanceof Calls.Transient)) {
            break;
          }
          LOG.debug(
              "students of account {}: stream broke after {}, resuming",
              uid,
              read.last.orElse("none"));
        }
      }
    }
    if (failure instanceof Calls.Transient) {
      calls.failed();
    }
    handRestFromCopy(uid, key, read.last, each, failure);
  }

  /**
   * One query streamed in document id order from after the last student already handed on; the
   * documents are handed over from the gRPC thread through a bounded queue, so the caller's
   * consumer runs on the caller's thread and at most {@code pageSize} documents wait in memory.
   */
  private void stream(String uid, Progress read, Consumer<Mapped<Student>> each) {
    Query query = firestore.collection(collection(uid)).orderBy(FieldPath.documentId());
    if (read.last.isPresent()) {
      query = query.startAfter(read.last.get());
    }
    BlockingQueue<Object> handoff = new ArrayBlockingQueue<>(pageSize);
    AtomicBoolean abandoned = new AtomicBoolean();
    query.stream(
        new ApiStreamObserver<>() {
          @Override
          public void onNext(DocumentSnapshot document) {
            hand(document);
          }

          @Override
          public void onError(Throwable t) {
            hand(new Failed(t));
          }

          @Override
          public void onCompleted() {
            hand(END);
          }

          private void hand(Object item) {
            try {
              // a reader that gave up takes nothing more: drop instead of blocking gRPC's thread
              while (!abandoned.get() && !handoff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is slower than Firestore: wait for room
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    try {
      while (true) {
        Object item;
        try {
          item = handoff.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailable("interrupted while reading " + collection(uid), e);
        }
        if (item == null) {
          throw new Calls.Transient(
              "Firestore sent nothing for " + timeout + " reading " + collection(uid), null);
        }
        if (item == END) {
          return;
        }
        if (item instanceof Failed failed) {
          String line = "cannot read " + collection(uid) + ": " + Failures.describe(failed.cause());
          throw Failures.isTransient(failed.cause())
              ? new Calls.Transient(line, failed.cause())
              : new StoreUnavailable(line, failed.cause());
        }
        DocumentSnapshot document = (DocumentSnapshot) item;
        Mapped<Student> mapped = map(uid, document);
        read.copy.add(document.getId(), mapped);
        read.last = Optional.of(document.getId());
        each.accept(mapped);
      }
    } finally {
      abandoned.set(true);
      handoff.clear();
    }
  }

  /** The end of a stream that failed. */
  private record Failed(Throwable cause) {}

  private void handRestFromCopy(
      String uid,
      String key,
      Optional<String> handed,
      Consumer<Mapped<Student>> each,
      StoreUnavailable e) {
    Optional<ReadCache.Stamped<StudentCopy>> copy = cache.usable(key, cache.maxAge());
    if (copy.isEmpty()) {
      throw cache.unavailable(key, "students of account " + uid, e);
    }
    LOG.warn(
        "students of account {}: Firestore unavailable, using the copy read at {}",
        uid,
        copy.get().at());
    copy.get().value().forEachAfter(handed, each);
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
      Optional<ReadCache.Stamped<StudentCopy>> copy = cache.usable(key(uid), ledgerMaxAge);
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
      return copy.get().value().find(studentId).flatMap(FirestoreStudentDirectory::value);
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
