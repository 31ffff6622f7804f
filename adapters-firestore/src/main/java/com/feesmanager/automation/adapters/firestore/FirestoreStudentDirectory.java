package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's {@code students}, streamed by one query in document id order, each document handed
 * on as it arrives (one at a time in memory). A stream that breaks is resumed after the last
 * student handed on (a cursor on the document id); a complete read is kept as the account's last
 * good copy (packed as it is read: {@link StudentCopy}), and if the stream cannot be resumed, the
 * students after the last one handed on come from that copy while it is no older than {@code
 * FIRESTORE_CACHE_MAX_AGE}.
 */
public final class FirestoreStudentDirectory implements StudentDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(FirestoreStudentDirectory.class);
  private static final int STREAM_ATTEMPTS = 3;

  /** How far a read got: the students packed so far and the id of the last one handed on. */
  private static final class Progress {
    final StudentCopy.Writer copy = new StudentCopy.Writer();
    Optional<String> last = Optional.empty();
  }

  private final RestFirestore firestore;
  private final Calls calls;
  private final ReadCache cache;
  private final Duration ledgerMaxAge;
  private final Duration timeout;

  FirestoreStudentDirectory(
      RestFirestore firestore,
      Calls calls,
      ReadCache cache,
      Duration ledgerMaxAge,
      Duration timeout) {
    this.timeout = timeout;
    this.firestore = firestore;
    this.calls = calls;
    this.cache = cache;
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
   * One query streamed in document id order from after the last student already handed on, each
   * document mapped and handed on as it arrives, on the caller's thread ({@link
   * RestFirestore#stream}: one document at a time in memory); waiting longer than the call timeout
   * for the next one breaks the stream.
   */
  private void stream(String uid, Progress read, Consumer<Mapped<Student>> each) {
    RestFirestore.Query query =
        RestFirestore.Query.of("users/" + uid, "students")
            .orderBy(RestFirestore.DOCUMENT_ID, false);
    if (read.last.isPresent()) {
      query = query.startAfter(collection(uid) + "/" + read.last.get());
    }
    try {
      firestore.stream(
          query,
          timeout,
          document -> {
            Mapped<Student> mapped = map(uid, document);
            read.copy.add(document.id(), mapped);
            read.last = Optional.of(document.id());
            each.accept(mapped);
          });
    } catch (RestFailure e) {
      String line = "cannot read " + collection(uid) + ": " + Failures.describe(e);
      throw Failures.isTransient(e) ? new Calls.Transient(line, e) : new StoreUnavailable(line, e);
    }
  }

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
    Optional<RestFirestore.Document> document;
    String path = path(uid, studentId);
    try {
      document = calls.read(path, () -> firestore.get(path));
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
    return document.flatMap(stored -> student(uid, stored));
  }

  /** The student in {@code document}; empty when it cannot be understood. */
  static Optional<Student> student(String uid, RestFirestore.Document document) {
    return value(map(uid, document));
  }

  static String path(String uid, String studentId) {
    return collection(uid) + "/" + studentId;
  }

  private static Mapped<Student> map(String uid, RestFirestore.Document document) {
    return AccountDocuments.student(uid, document.id(), FirestoreValues.plain(document.data()));
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
