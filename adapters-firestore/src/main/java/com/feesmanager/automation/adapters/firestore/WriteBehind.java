package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.WriteBatch;
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
 * commit is done (no linger, so a SENT log is not held back waiting for a batch to fill). While
 * Firestore is unreachable writes stay pending and are retried with backoff, so delivery never
 * waits on Firestore; pending writes are readable ({@link #unsettled}) so callers read their own
 * writes.
 *
 * <p>A message log write is conditional: its document is read in the same round (one {@code getAll}
 * per batch) and written only if the stored status may move to the new one, with a precondition on
 * the stored document's update time (or on its absence), so two writers racing can never move a
 * status backwards: the loser's commit fails its precondition and is re-read.
 */
final class WriteBehind implements AutoCloseable {

  static final int MAX_BATCH = 500;
  private static final int KNOWN_STATUSES = 100_000;
  private static final int CONFLICT_RETRIES = 50;
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

  /** One document write. */
  sealed interface Write permits Put, LogWrite {
    DocumentReference ref();
  }

  /** A whole document, replacing what is there. */
  record Put(DocumentReference ref, Map<String, Object> data) implements Write {}

  /**
   * A message log, written only when its status may move. {@code unseen}: this process knew nothing
   * of the log when it was handed over (a new message), so the first attempt creates it without
   * reading it first; if it exists after all, the create fails and the batch is re-read.
   */
  record LogWrite(DocumentReference ref, MessageLog log, boolean unseen) implements Write {}

  private final Firestore firestore;
  private final Calls calls;
  private final Duration maxBackoff;
  private final int maxPending;
  private final Object lock = new Object();
  private final LinkedHashMap<String, Write> pending = new LinkedHashMap<>();
  private final Map<String, Write> inFlight = new HashMap<>();
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

  WriteBehind(Firestore firestore, Calls calls, Duration maxBackoff, int maxPending) {
    this.firestore = firestore;
    this.calls = calls;
    this.maxBackoff = maxBackoff;
    this.maxPending = maxPending;
    this.thread = new Thread(this::run, "firestore-write-behind");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a document write; a later write of the same document replaces a waiting one. */
  void put(DocumentReference ref, Map<String, Object> data) {
    synchronized (lock) {
      enqueue(new Put(ref, data));
    }
  }

  /**
   * Queues a message log write unless what this process knows of the log (a waiting write, or the
   * last status written or read) shows it would move the status backwards; then returns false.
   */
  boolean log(DocumentReference ref, MessageLog log) {
    String path = ref.getPath();
    synchronized (lock) {
      MessageStatus current = knownStatus(path);
      if (current != null && current != log.status() && !current.canMoveTo(log.status())) {
        return false;
      }
      enqueue(new LogWrite(ref, log, current == null));
      known.put(path, log.status());
      return true;
    }
  }

  /** Remembers a status read from Firestore, for later early refusals. */
  void saw(String path, MessageStatus status) {
    synchronized (lock) {
      if (!pending.containsKey(path) && !inFlight.containsKey(path)) {
        known.put(path, status);
      }
    }
  }

  /** The write of {@code path} not yet committed, if any (the newest). */
  Optional<Write> unsettled(String path) {
    synchronized (lock) {
      Write write = pending.get(path);
      return Optional.ofNullable(write != null ? write : inFlight.get(path));
    }
  }

  /** Every write not yet committed that matches, the newest per document. */
  List<Write> unsettled(Predicate<Write> which) {
    synchronized (lock) {
      Map<String, Write> all = new HashMap<>(inFlight);
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
      while (true) {
        waiting.removeIf(this::settled);
        if (waiting.isEmpty()) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  int pendingCount() {
    synchronized (lock) {
      return pending.size() + inFlight.size();
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

  private void enqueue(Write write) {
    if (closed) {
      throw new StoreUnavailable("the Firestore writer is closed");
    }
    String path = write.ref().getPath();
    if (!pending.containsKey(path) && pending.size() + inFlight.size() >= maxPending) {
      throw new StoreUnavailable(
          maxPending + " Firestore writes are pending: Firestore has been unreachable too long");
    }
    pending.remove(path);
    pending.put(path, write);
    lock.notifyAll();
  }

  private MessageStatus knownStatus(String path) {
    Write write = pending.get(path);
    if (write == null) {
      write = inFlight.get(path);
    }
    if (write instanceof LogWrite logWrite) {
      return logWrite.log().status();
    }
    return known.get(path);
  }

  private boolean settled(Write write) {
    String path = write.ref().getPath();
    return pending.get(path) != write && inFlight.get(path) != write;
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
          inFlight.put(write.ref().getPath(), write);
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
    LOG.error("Firestore refused a write of {}: {}", batch.get(0).ref().getPath(), e.getMessage());
    settle(batch);
  }

  private void commitOnce(List<Write> batch, boolean blind) {
    List<DocumentReference> logRefs = new ArrayList<>();
    for (Write write : batch) {
      if (write instanceof LogWrite logWrite && !(blind && logWrite.unseen())) {
        logRefs.add(write.ref());
      }
    }
    Map<String, DocumentSnapshot> stored = new HashMap<>();
    if (!logRefs.isEmpty()) {
      List<DocumentSnapshot> snapshots =
          calls.await("message logs", firestore.getAll(logRefs.toArray(new DocumentReference[0])));
      snapshots.forEach(snapshot -> stored.put(snapshot.getReference().getPath(), snapshot));
    }
    WriteBatch writes = firestore.batch();
    int count = 0;
    for (Write write : batch) {
      if (write instanceof Put put) {
        writes.set(put.ref(), put.data());
        count++;
      } else if (write instanceof LogWrite logWrite) {
        if (addLog(writes, logWrite, stored.get(logWrite.ref().getPath()))) {
          count++;
        }
      }
    }
    if (count > 0) {
      calls.await("commit of " + count + " document(s)", writes.commit());
    }
  }

  private boolean addLog(WriteBatch writes, LogWrite write, DocumentSnapshot stored) {
    MessageLog log = write.log();
    if (stored == null || !stored.exists()) {
      writes.create(write.ref(), WrittenDocuments.logFields(log));
      return true;
    }
    Optional<MessageStatus> current = WrittenDocuments.status(stored);
    if (current.isPresent()
        && current.get() != log.status()
        && !current.get().canMoveTo(log.status())) {
      LOG.debug(
          "message log {} stays {}: refused {}", write.ref().getId(), current.get(), log.status());
      synchronized (lock) {
        if (knownStatus(write.ref().getPath()) == log.status()) {
          known.put(write.ref().getPath(), current.get());
        }
      }
      return false;
    }
    writes.update(
        write.ref(),
        WrittenDocuments.logUpdate(log),
        Precondition.updatedAt(stored.getUpdateTime()));
    return true;
  }

  private void settle(List<Write> batch) {
    synchronized (lock) {
      for (Write write : batch) {
        String path = write.ref().getPath();
        if (inFlight.get(path) == write) {
          inFlight.remove(path);
        }
      }
      lock.notifyAll();
    }
  }
}
