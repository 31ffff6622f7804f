package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat at {@code users/{uid}/automation/status}, rewritten whole on each publish. A
 * heartbeat is sent at once, without waiting for it: at most one write per document is in flight,
 * and a newer heartbeat of the same account waits behind it, replacing an older one still waiting.
 * A write that fails for a transient reason is sent again with backoff (the newest heartbeat
 * waiting, if any, in its place) until it lands or the board is closed, as the write-behind writer
 * retries a whole-document write; one Firestore refuses for good is logged and dropped, as it drops
 * one. {@link #last} sees a heartbeat not yet written; {@link #flush} and {@link #close} wait for
 * them within their budget.
 */
final class RestStatusBoard implements StatusBoard {

  private static final Logger LOG = LoggerFactory.getLogger(RestStatusBoard.class);

  private static final long FIRST_BACKOFF_MILLIS = 50;

  /** One whole-document write handed over (compared by identity: a newer one is another). */
  private record Put(String path, Map<String, Object> data) {}

  /** The write of one document in flight, and the newest one waiting behind it. */
  private static final class Slot {
    Put sending;
    Put next;

    Slot(Put sending) {
      this.sending = sending;
    }

    Put newest() {
      return next != null ? next : sending;
    }
  }

  private final RestFirestore firestore;
  private final Calls calls;
  private final Duration timeout;
  private final Object lock = new Object();
  private final Map<String, Slot> slots = new HashMap<>();
  private boolean closed;
  private boolean failing;

  /** {@code timeout}: each write's deadline, and the longest pause between retries. */
  RestStatusBoard(RestFirestore firestore, Calls calls, Duration timeout) {
    this.firestore = firestore;
    this.calls = calls;
    this.timeout = timeout;
  }

  @Override
  public void publish(String uid, Heartbeat heartbeat) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(heartbeat, "'heartbeat' must not be null");
    Put put = new Put(path(uid), WrittenDocuments.heartbeatFields(heartbeat));
    synchronized (lock) {
      if (closed) {
        throw new StoreUnavailable("the Firestore writer is closed");
      }
      Slot slot = slots.get(put.path());
      if (slot != null) {
        slot.next = put;
        return;
      }
      slots.put(put.path(), new Slot(put));
    }
    send(put, FIRST_BACKOFF_MILLIS);
  }

  @Override
  public Optional<Heartbeat> last(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    String path = path(uid);
    Optional<Put> waiting;
    synchronized (lock) {
      waiting = Optional.ofNullable(slots.get(path)).map(Slot::newest);
    }
    if (waiting.isPresent()) {
      return Optional.of(WrittenDocuments.heartbeat(waiting.get().data()));
    }
    return calls
        .read(path, () -> firestore.get(path))
        .map(document -> WrittenDocuments.heartbeat(document.data()));
  }

  /** Waits until every heartbeat handed over before this call is written; false on timeout. */
  boolean flush(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (lock) {
      Set<Put> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Slot slot : slots.values()) {
        waiting.add(slot.sending);
        if (slot.next != null) {
          waiting.add(slot.next);
        }
      }
      return Settled.await(lock, waiting, this::settled, deadline);
    }
  }

  /** Heartbeats handed over and not yet written. */
  int pendingCount() {
    synchronized (lock) {
      int count = 0;
      for (Slot slot : slots.values()) {
        count += slot.next != null ? 2 : 1;
      }
      return count;
    }
  }

  /** Writes what is waiting (up to {@code within}), then takes no more; what is left is logged. */
  void close(Duration within) {
    boolean flushed = flush(within);
    synchronized (lock) {
      closed = true;
    }
    if (!flushed) {
      LOG.warn("Firestore heartbeat writer closed with {} write(s) not committed", pendingCount());
    }
  }

  // --- under the lock --------------------------------------------------------------------------

  private boolean settled(Put put) {
    Slot slot = slots.get(put.path());
    return slot == null || (slot.sending != put && slot.next != put);
  }

  // --- the HTTP client's threads ---------------------------------------------------------------

  private void send(Put put, long backoffMillis) {
    CompletableFuture<Void> write;
    try {
      write = firestore.set(put.path(), put.data());
    } catch (RuntimeException e) {
      // a value Firestore cannot store: refused for good, like an answer saying so
      write = CompletableFuture.failedFuture(e);
    }
    write
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((done, failure) -> sent(put, failure, backoffMillis));
  }

  private void sent(Put put, Throwable failure, long backoffMillis) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    Put again;
    long pause = 0;
    synchronized (lock) {
      Slot slot = slots.get(put.path());
      if (cause != null && isTransient(cause)) {
        if (!failing) {
          failing = true;
          LOG.warn(
              "Firestore heartbeat writes failing, {} pending, retrying: {}",
              slots.size(),
              describe(cause));
        }
        if (closed) {
          return; // left for close's count
        }
        // the newest heartbeat goes in the failed one's place: the older is of no use any more
        if (slot.next != null) {
          slot.sending = slot.next;
          slot.next = null;
        }
        again = slot.sending;
        pause = backoffMillis;
      } else {
        if (cause != null) {
          LOG.error("Firestore refused a write of {}: {}", put.path(), describe(cause));
        } else if (failing) {
          failing = false;
          LOG.info("Firestore heartbeat writes resumed");
        }
        if (slot.next != null && !closed) {
          slot.sending = slot.next;
          slot.next = null;
          again = slot.sending;
        } else {
          slots.remove(put.path());
          again = null;
        }
        lock.notifyAll();
      }
    }
    if (again == null) {
      return;
    }
    if (pause == 0) {
      send(again, FIRST_BACKOFF_MILLIS);
    } else {
      long next = Math.min(pause * 2, timeout.toMillis());
      CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
          .execute(() -> send(again, next));
    }
  }

  /** Worth sending again: no answer in time, or one {@link Failures} calls transient. */
  private static boolean isTransient(Throwable cause) {
    // a timeout is checked here: Failures would load the gRPC client's classes to sort it
    return cause instanceof TimeoutException
        || (cause instanceof RestFailure rest && Failures.isTransient(rest));
  }

  private static String describe(Throwable cause) {
    return cause instanceof RestFailure ? Failures.describe(cause) : String.valueOf(cause);
  }

  private static String path(String uid) {
    return "users/" + uid + "/automation/status";
  }
}
