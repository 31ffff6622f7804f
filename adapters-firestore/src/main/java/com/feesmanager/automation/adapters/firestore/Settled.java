package com.feesmanager.automation.adapters.firestore;

import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A writer's timed waits on its lock: for the writes handed over to settle (a flush), or for any
 * condition the writer notifies the lock about (room in its buffer).
 */
final class Settled {

  private Settled() {}

  /**
   * Waits on {@code lock} (the caller holds it; the writer notifies it as writes settle) until
   * every write in {@code waiting} is {@code settled}; false when {@code deadlineNanos} passes or
   * the thread is interrupted first.
   */
  static <T> boolean await(Object lock, Set<T> waiting, Predicate<T> settled, long deadlineNanos) {
    return until(
        lock,
        () -> {
          waiting.removeIf(settled);
          return waiting.isEmpty();
        },
        () -> false,
        deadlineNanos);
  }

  /**
   * Waits on {@code lock} (the caller holds it; the writer notifies it as things change) until
   * {@code done}; false when {@code deadlineNanos} passes, {@code abandoned} says so, or the thread
   * is interrupted first. {@code done} is asked first each time.
   */
  static boolean until(
      Object lock, BooleanSupplier done, BooleanSupplier abandoned, long deadlineNanos) {
    while (true) {
      if (done.getAsBoolean()) {
        return true;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || abandoned.getAsBoolean()) {
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
