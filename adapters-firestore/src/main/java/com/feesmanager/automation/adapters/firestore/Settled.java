package com.feesmanager.automation.adapters.firestore;

import java.util.Set;
import java.util.function.Predicate;

/** The flush of a writer: waiting on its lock until the writes handed over have settled. */
final class Settled {

  private Settled() {}

  /**
   * Waits on {@code lock} (the caller holds it; the writer notifies it as writes settle) until
   * every write in {@code waiting} is {@code settled}; false when {@code deadlineNanos} passes or
   * the thread is interrupted first.
   */
  static <T> boolean await(Object lock, Set<T> waiting, Predicate<T> settled, long deadlineNanos) {
    while (true) {
      waiting.removeIf(settled);
      if (waiting.isEmpty()) {
        return true;
      }
      long left = deadlineNanos - System.nanoTime();
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
