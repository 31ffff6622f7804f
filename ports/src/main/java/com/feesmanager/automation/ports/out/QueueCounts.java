package com.feesmanager.automation.ports.out;

/** How many messages are in each state (SPEC §1.5 heartbeat {@code queue}). */
public record QueueCounts(long ready, long delayed, long inFlight, long dead) {

  public static final QueueCounts EMPTY = new QueueCounts(0, 0, 0, 0);

  public QueueCounts {
    if (ready < 0 || delayed < 0 || inFlight < 0 || dead < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public QueueCounts plus(QueueCounts other) {
    return new QueueCounts(
        ready + other.ready, delayed + other.delayed, inFlight + other.inFlight, dead + other.dead);
  }

  /** Messages still to deliver: ready, delayed or in flight. */
  public long pending() {
    return ready + delayed + inFlight;
  }
}
