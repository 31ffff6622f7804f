package com.feesmanager.automation.domain.delivery;

/** The status of a message log (SPEC §1.5). A status never moves backwards. */
public enum MessageStatus {
  QUEUED(0),
  SENT(1),
  DELIVERED(2),
  READ(3),
  FAILED(4),
  DEAD(4),
  SKIPPED(4);

  private final int rank;

  MessageStatus(int rank) {
    this.rank = rank;
  }

  /**
   * Whether a log in this status may move to {@code next}: forward along QUEUED → SENT → DELIVERED
   * → READ, or from QUEUED/SENT to an end (FAILED, DEAD, SKIPPED; a late WhatsApp failure ack may
   * fail a SENT message). A DEAD message that an operator requeued gets one more outcome (SENT,
   * FAILED or SKIPPED). Other ends and READ never move again; a repeat is no move.
   */
  public boolean canMoveTo(MessageStatus next) {
    if (next == this) {
      return false;
    }
    if (this == DEAD) {
      // only a requeued dead letter (`dead requeue`) is sent again; receipts follow its SENT
      return next == SENT || next == FAILED || next == SKIPPED;
    }
    if (next.rank == 4) {
      return this == QUEUED || (this == SENT && next == FAILED);
    }
    return rank < 4 && next.rank > rank;
  }

  /** No further status is expected (READ counts: nothing moves it). */
  public boolean isFinal() {
    return rank == 4 || this == READ;
  }
}
