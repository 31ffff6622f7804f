package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of backend documents: callers hand writes over and return at once; a background
 * thread commits whatever is waiting, up to 500 documents per commit, as soon as the previous
 * commit is done (no linger). While Firestore is unreachable writes stay pending and are retried
 * with backoff; pending writes are readable ({@link #unsettled}) so callers read their own writes.
 * What waits is bounded in bytes ({@code maxBytes}, an estimate of the heap it holds): a caller
 * finding it full waits briefly for room, then writes a log through itself, or fails with {@link
 * StoreUnavailable} while Firestore is unreachable; nothing is dropped.
 *
 * <p>{@link #logNow} writes a log through on the caller's thread instead (the end of a queued
 * message: it must survive a crash of this process once the caller goes on).
 *
 * <p>A message log write is conditional: its document is read in the same round (one {@code getAll}
 * per batch) and written only if the stored status may move to the new one, with a precondition on
 * the stored document's update time (or on its absence), so two writers racing can never move a
 * status backwards: the loser's commit fails its precondition and is re-read.
 */
final class WriteBehind implements AutoCloseable {

  static final int MAX_BATCH = 500;

  /**
   * Statuses remembered for early refusals: only a shortcut (Firestore's conditional write
   * decides), so few enough to stay small in a 96 MiB heap (≈200 bytes each).
   */
  private static final int KNOWN_STATUSES = 10_000;

  private static final int CONFLICT_RETRIES = 50;

  /** How long a caller finding the buffer full waits for room before writing through itself. */
  static final Duration ROOM_WAIT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

  /** One document write. */
  sealed interface Write permits Put, LogWrite {
    /** The document's path below {@code documents/}. */
    String path();

    /** The document's id: the last segment of its path. */
    default String id() {
      return path().substring(path().lastIndexOf('/') + 1);
    }
  }

  /** A whole document, replacing what is there. */
  record Put(String path, Map<String, Object> data) implements Write {}

  /**
   * A message log, written only when its status may move. {@code unseen}: this process knew nothing
   * of the log when it was handed over (a new message), so the first attempt creates it without
   * reading it first; if it exists after all, the create fails and the batch is re-read.
   */
  record LogWrite(String path, MessageLog log, boolean unseen) implements Write {}

  private final RestFirestore firestore;
  private final Calls calls;
  private final Duration maxBackoff;
  private final long maxBytes;
  private final Object lock = new Object();

  /** Estimated heap held by pending and in-flight writes; guarded by {@code lock}. */
  private long bytes;

  private final LinkedHashMap<String, Write> pending = new LinkedHashMap<>();
  private final Map<String, Write> inFlight = new HashMap<>();

  /** Logs being written through by their callers ({@link #logNow}), not counted in bytes. */
  private final Map<String, Write> through = new HashMap<>();

  private final Map<String, MessageStatus> known =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageStatus> eldest) {
          return size() > KNOWN_STATUSES;
        }
      };
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean failing;
  private final Optional<Calls> reads;

  /** When the last write through failed (nanoTime), or 0. */
  private volatile long throughFailedAt;

  /** When the last write through got no answer (nanoTime), or 0. */
  private volatile long throughUnansweredAt;

  /**
   * How long a log written through may take while Firestore looks down (reads failing, the writer
   * failing, or a write through failed in the last {@link #DOUBT_WINDOW}): a worker then loses
   * about a second per message, not the whole call timeout; the message is kept claimed and asked
   * for later (the caller's contract on a {@link StoreUnavailable}).
   */
  static final Duration DOUBTFUL_WITHIN = Duration.ofSeconds(1);

  static final Duration DOUBT_WINDOW = Duration.ofSeconds(10);

  /**
   * After a log written through got no answer, the next ones within this window fail at once,
   * untried: while Firestore does not answer, a worker goes on sending at its own pace (each
   * message kept claimed and asked for later) instead of losing a second per message, and a message
   * asked for again during the outage costs no wait either (issue 13: those re-asks held fresh
   * sends up for 12 s in the frozen-Firestore scenario). One write per window still tries for real.
   */
  static final Duration UNTRIED_WINDOW = Duration.ofSeconds(5);

  WriteBehind(RestFirestore firestore, Calls calls, Duration maxBackoff, long maxBytes) {
    this(firestore, calls, maxBackoff, maxBytes, Optional.empty());
  }

  /**
   * {@code reads} are the reads' calls: while their breaker is open a log written through gets one
   * quick try ({@link #DOUBTFUL_WITHIN}) instead of the caller's whole deadline, and a write
   * through that failed opens it, so the next read goes to the cache at once.
   */
  WriteBehind(
      RestFirestore firestore,
      Calls calls,
      Duration maxBackoff,
      long maxBytes,
      Optional<Calls> reads) {
    this.reads = reads;
    this.firestore = firestore;
    this.calls = calls;
    this.maxBackoff = maxBackoff;
    this.maxBytes = maxBytes;
    this.thread = new Thread(this::run, "firestore-write-behind");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a document write; a later write of the same document replaces a waiting one. When the
   * buffer stays full for {@link #ROOM_WAIT}, a {@link StoreUnavailable}.
   */
  void put(String path, Map<String, Object> data) {
    Put put = new Put(path, data);
    synchronized (lock) {
      if (!awaitRoom(put)) {
        throw full();
      }
      enqueue(put);
    }
  }

  /**
   * Queues a message log write unless what this process knows of the log (a waiting write, or the
   * last status written or read) shows it would move the status backwards; then returns false. When
   * the buffer stays full for {@link #ROOM_WAIT}, the log is written through ({@link #logNow}).
   */
  boolean log(String path, MessageLog log, Duration within) {
    synchronized (lock) {
      MessageStatus current = knownStatus(path);
      if (current != null && current != log.status() && !current.canMoveTo(log.status())) {
        return false;
      }
      LogWrite write = new LogWrite(path, log, current == null);
      if (awaitRoom(write)) {
        enqueue(write);
        known.put(path, log.status());
        return true;
      }
      if (failing) {
        throw full();
      }
    }
    return logNow(path, log, within);
  }

  /**
   * Writes a message log to Firestore now, on the caller's thread, retrying transient failures
   * within {@code within}: when this returns true the log is committed (it survives this process);
   * false when it was refused as a step back; a {@link StoreUnavailable} when it could not be
   * written in time (nothing is left behind: the caller writes it again later). A write of the same
   * log still waiting in the buffer is older, and is dropped once this one is committed.
   */
  boolean logNow(String path, MessageLog log, Duration within) {
    long unansweredAt = throughUnansweredAt;
    long sinceUnanswered = System.nanoTime() - unansweredAt;
    if (unansweredAt != 0 && sinceUnanswered < UNTRIED_WINDOW.toNanos()) {
      throw new StoreUnavailable(
          "log not tried: Firestore did not answer one written through "
              + Duration.ofNanos(sinceUnanswered).toMillis()
              + " ms ago");
    }
    if (firestoreDoubtful() && within.compareTo(DOUBTFUL_WITHIN) > 0) {
      within = DOUBTFUL_WITHIN;
    }
    long deadline = System.nanoTime() + within.toNanos();
    LogWrite write = new LogWrite(path, log, false);
    Write older;
    synchronized (lock) {
      if (closed) {
        throw new StoreUnavailable("the Firestore writer is closed");
      }
      MessageStatus current = knownStatus(path);
      if (current != null && current != log.status() && !current.canMoveTo(log.status())) {
        return false;
      }
      // An older waiting write of this log is taken out of the buffer (put back if this one
      // fails); one the writer thread is committing races this one under Firestore's conditions.
      // Meanwhile this write is what find and later records see.
      older = pending.remove(path);
      if (older != null) {
        bytes -= size(older);
      }
      through.put(path, write);
    }
    boolean done = false;
    // A worker interrupted at shutdown still records what it sent: the write is bounded anyway.
    boolean interrupted = Thread.interrupted();
    try {
      boolean written = writeThrough(write, deadline, within);
      done = true;
      throughFailedAt = 0;
      throughUnansweredAt = 0;
      return written;
    } catch (StoreUnavailable e) {
      throughFailedAt = System.nanoTime();
      if (e instanceof Calls.Transient || Failures.isTransient(e)) {
        reads.ifPresent(Calls::failed);
        throughUnansweredAt = throughFailedAt;
      }
      throw e;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      synchronized (lock) {
        if (through.get(path) == write) {
          through.remove(path);
        }
        if (!done && older != null && !pending.containsKey(path)) {
          pending.put(path, older);
          bytes += size(older);
        }
        lock.notifyAll();
      }
    }
  }

  private boolean firestoreDoubtful() {
    long failedAt = throughFailedAt;
    return failing
        || reads.map(Calls::recentlyFailed).orElse(false)
        || (failedAt != 0 && System.nanoTime() - failedAt < DOUBT_WINDOW.toNanos());
  }

  /** Reads the stored log and writes {@code write} if its status may move, retrying in time. */
  private boolean writeThrough(LogWrite write, long deadline, Duration within) {
    String path = write.path();
    long backoffMillis = 50;
    int conflicts = 0;
    while (true) {
      try {
        Optional<RestFirestore.Document> stored =
            calls.await(
                "message log " + write.id(),
                firestore.get(path),
                Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        List<RestFirestore.Write> batch = new ArrayList<>(1);
        boolean written = addLog(batch, write, stored);
        if (written) {
          calls.await(
              "commit of message log " + write.id(),
              firestore.commit(batch),
              Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        synchronized (lock) {
          if (written) {
            known.put(path, write.log().status());
          } else {
            stored.flatMap(WrittenDocuments::status).ifPresent(status -> known.put(path, status));
          }
        }
        return written;
      } catch (StoreUnavailable e) {
        if (Failures.isConflict(e) && conflicts++ < CONFLICT_RETRIES) {
          continue; // another process committed between the read and the write: read again
        }
        if (!(e instanceof Calls.Transient) && !Failures.isTransient(e)) {
          throw e;
        }
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMillis <= backoffMillis) {
          throw new StoreUnavailable(
              "message log " + write.id() + " not written within " + within + ": " + e.getMessage(),
              e);
        }
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailable("interrupted writing message log " + write.id(), e);
        }
        backoffMillis = Math.min(backoffMillis * 2, 1000);
      }
    }
  }

  /** Remembers a status read from Firestore, for later early refusals. */
  void saw(String path, MessageStatus status) {
    synchronized (lock) {
      if (newest(path) == null) {
        known.put(path, status);
      }
    }
  }

  /** The write of {@code path} not yet committed, if any (the newest). */
  Optional<Write> unsettled(String path) {
    synchronized (lock) {
      return Optional.ofNullable(newest(path));
    }
  }

  /** Every write not yet committed that matches, the newest per document. */
  List<Write> unsettled(Predicate<Write> which) {
    synchronized (lock) {
      Map<String, Write> all = new HashMap<>(inFlight);
      all.putAll(through);
      all.putAll(pending);
      return all.values().stream().filter(which).toList();
    }
  }

  /** Waits until every write handed over before this call is committed; false on timeout. */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      Set<Write> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
      waiting.addAll(pending.values());
      waiting.addAll(inFlight.values());
      waiting.addAll(through.values());
      return Settled.await(lock, waiting, this::settled, deadline);
    }
  }

  int pendingCount() {
    synchronized (lock) {
      return pending.size() + inFlight.size() + through.size();
    }
  }

  /** The estimated heap held by writes not yet committed (at most about {@code maxBytes}). */
  long pendingBytes() {
    synchronized (lock) {
      return bytes;
    }
  }

  /** Commits what is waiting (up to {@code timeout}), then stops; what is left is logged. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  void close(Duration timeout) {
    boolean flushed = flush(timeout);
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!flushed) {
      LOG.warn("Firestore writer closed with {} write(s) not committed", pendingCount());
    }
  }

  // --- under the lock --------------------------------------------------------------------------

  /**
   * Whether {@code write} may join the buffer, waiting up to {@link #ROOM_WAIT} for room. A write
   * replacing a waiting one of the same document always may (the buffer does not grow by a
   * document), and so does any write into an empty buffer (one write is never too large).
   */
  private boolean awaitRoom(Write write) {
    if (closed) {
      throw new StoreUnavailable("the Firestore writer is closed");
    }
    return Settled.until(
        lock,
        () -> pending.containsKey(write.path()) || bytes <= 0 || bytes + size(write) <= maxBytes,
        () -> closed,
        System.nanoTime() + ROOM_WAIT.toNanos());
  }

  private StoreUnavailable full() {
    return new StoreUnavailable(
        "Firestore writes waiting fill the "
            + (maxBytes >> 20)
            + " MiB buffer: Firestore has been unreachable or slow too long");
  }

  private void enqueue(Write write) {
    if (closed) {
      throw new StoreUnavailable("the Firestore writer is closed");
    }
    String path = write.path();
    Write replaced = pending.remove(path);
    if (replaced != null) {
      bytes -= size(replaced);
    }
    pending.put(path, write);
    bytes += size(write);
    lock.notifyAll();
  }

  /** The newest write of {@code path} not yet committed: waiting, written through, in flight. */
  private Write newest(String path) {
    Write write = pending.get(path);
    if (write == null) {
      write = through.get(path);
    }
    return write != null ? write : inFlight.get(path);
  }

  private MessageStatus knownStatus(String path) {
    Write write = newest(path);
    if (write instanceof LogWrite logWrite) {
      return logWrite.log().status();
    }
    return known.get(path);
  }

  private boolean settled(Write write) {
    String path = write.path();
    return pending.get(path) != write && inFlight.get(path) != write && through.get(path) != write;
  }

  // --- the writer thread -----------------------------------------------------------------------

  private void run() {
    while (true) {
      List<Write> batch = new ArrayList<>();
      synchronized (lock) {
        while (pending.isEmpty() && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            if (closed) {
              return;
            }
          }
        }
        if (closed) {
          return;
        }
        Iterator<Write> waiting = pending.values().iterator();
        while (waiting.hasNext() && batch.size() < MAX_BATCH) {
          Write write = waiting.next();
          waiting.remove();
          inFlight.put(write.path(), write);
          batch.add(write);
        }
      }
      commit(batch);
    }
  }

  private void commit(List<Write> batch) {
    long backoffMillis = 50;
    int conflicts = 0;
    boolean blind = true;
    while (!closed) {
      try {
        commitOnce(batch, blind);
        settle(batch);
        if (failing) {
          failing = false;
          LOG.info("Firestore writes resumed");
        }
        return;
      } catch (StoreUnavailable e) {
        if (Failures.isConflict(e) && conflicts++ < CONFLICT_RETRIES) {
          blind = false; // someone wrote first: read every log and decide again
          continue;
        }
        if (!Failures.isTransient(e)
            && !Failures.isConflict(e)
            && !(e instanceof Calls.Transient)) {
          permanentFailure(batch, e);
          return;
        }
        if (!failing) {
          failing = true;
          LOG.warn(
              "Firestore writes failing, {} pending, retrying: {}", pendingCount(), e.getMessage());
        }
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
      }
    }
  }

  /** A write Firestore refuses for good (too large, invalid): write the others, drop it. */
  private void permanentFailure(List<Write> batch, StoreUnavailable e) {
    if (batch.size() > 1) {
      for (Write write : batch) {
        commit(List.of(write));
      }
      return;
    }
    LOG.error("Firestore refused a write of {}: {}", batch.get(0).path(), e.getMessage());
    settle(batch);
  }

  private void commitOnce(List<Write> batch, boolean blind) {
    List<String> logPaths = new ArrayList<>();
    for (Write write : batch) {
      if (write instanceof LogWrite logWrite && !(blind && logWrite.unseen())) {
        logPaths.add(write.path());
      }
    }
    Map<String, RestFirestore.Document> stored =
        logPaths.isEmpty() ? Map.of() : calls.await("message logs", firestore.getAll(logPaths));
    List<RestFirestore.Write> writes = new ArrayList<>(batch.size());
    for (Write write : batch) {
      if (write instanceof Put put) {
        writes.add(RestFirestore.Write.set(put.path(), put.data()));
      } else if (write instanceof LogWrite logWrite) {
        addLog(writes, logWrite, Optional.ofNullable(stored.get(logWrite.path())));
      }
    }
    if (!writes.isEmpty()) {
      calls.await("commit of " + writes.size() + " document(s)", firestore.commit(writes));
    }
  }

  private boolean addLog(
      List<RestFirestore.Write> writes, LogWrite write, Optional<RestFirestore.Document> stored) {
    MessageLog log = write.log();
    if (stored.isEmpty()) {
      writes.add(RestFirestore.Write.create(write.path(), WrittenDocuments.logFields(log)));
      return true;
    }
    Optional<MessageStatus> current = WrittenDocuments.status(stored.get());
    if (current.isPresent()
        && current.get() != log.status()
        && !current.get().canMoveTo(log.status())) {
      LOG.debug("message log {} stays {}: refused {}", write.id(), current.get(), log.status());
      synchronized (lock) {
        if (knownStatus(write.path()) == log.status()) {
          known.put(write.path(), current.get());
        }
      }
      return false;
    }
    writes.add(
        RestFirestore.Write.update(
            write.path(),
            WrittenDocuments.logFields(log),
            WrittenDocuments.LOG_MASK,
            stored.get().updateTime()));
    return true;
  }

  private void settle(List<Write> batch) {
    synchronized (lock) {
      for (Write write : batch) {
        String path = write.path();
        if (inFlight.get(path) == write) {
          inFlight.remove(path);
        }
        bytes -= size(write);
      }
      lock.notifyAll();
    }
  }

  // --- sizes -----------------------------------------------------------------------------------

  /**
   * A write's heap, estimated: characters at two bytes (the worst case of compact strings), plus
   * the objects around them. Stable for a given write, so what is added is what is taken away.
   */
  static long size(Write write) {
    long size = 160 + text(write.path());
    if (write instanceof Put put) {
      return size + value(put.data());
    }
    MessageLog log = ((LogWrite) write).log();
    size += 400;
    for (String text :
        List.of(
            log.uid(),
            log.key().value(),
            log.ruleId(),
            log.ruleName(),
            log.occurrence(),
            log.studentId(),
            log.studentName(),
            log.body())) {
      size += text(text);
    }
    size += log.to().map(WriteBehind::text).orElse(0L);
    size += log.reason().map(WriteBehind::text).orElse(0L);
    size += log.providerMessageId().map(WriteBehind::text).orElse(0L);
    return size;
  }

  private static long text(String text) {
    return 56 + 2L * text.length();
  }

  private static long value(Object value) {
    if (value instanceof String text) {
      return text(text);
    }
    if (value instanceof Map<?, ?> map) {
      long size = 64;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += 48 + value(entry.getKey()) + value(entry.getValue());
      }
      return size;
    }
    if (value instanceof List<?> list) {
      long size = 40;
      for (Object item : list) {
        size += 8 + value(item);
      }
      return size;
    }
    return 32;
  }
}
