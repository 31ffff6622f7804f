package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The delivery queue (SPEC §4): idempotent by message key, FIFO by enqueue time per session,
 * delayed messages, claims with a visibility timeout, dead letters. Inspection is {@link
 * QueueMonitor}. Every method taking a claim returns false, changing nothing, when that claim was
 * lost (timed out and taken by another).
 */
public interface MessageQueue {

  /** Adds the message unless its key is queued, in flight or finished within the retention. */
  boolean enqueue(QueuedMessage message, Instant now);

  /** The oldest ready message of the session, claimed until now + the visibility timeout. */
  Optional<Claim> claimNext(String session, Instant now);

  /** Records that a send is about to be attempted, so a reclaim knows its outcome is unknown. */
  boolean markSending(Claim claim, Instant now);

  /** The message is finished (sent, skipped or failed); its key stays known for dedupe. */
  boolean complete(Claim claim, Instant now);

  /**
   * Completes {@code claim} (as {@link #complete}) and claims the same session's next ready message
   * in one step: the worker's hot path. Returns empty when nothing is ready; if the claim was lost,
   * nothing is completed and the next message is still claimed.
   */
  default Optional<Claim> completeAndClaimNext(Claim claim, Instant now) {
    complete(claim, now);
    return claimNext(claim.message().session(), now);
  }

  /**
   * Puts the message back, ready at {@code readyAt}, in its original FIFO place; counts one attempt
   * when {@code attemptConsumed} (a failed send), none for a wait or a hold.
   */
  boolean release(Claim claim, Instant readyAt, boolean attemptConsumed);

  /**
   * The claims on {@code session}'s messages come back sooner, because their holder is known to
   * have ended: one whose send never started at once (a live holder's later calls fail on its lost
   * claim), one whose send started at {@code askAt}, when that send is surely over and the gateway
   * can be asked whether it went out; none later than its own visibility timeout. Returns how many
   * claims were brought forward.
   */
  int returnAbandoned(String session, Instant now, Instant askAt);

  /**
   * The claim, still held, comes back at {@code askAt} instead of at its visibility timeout, if
   * that is sooner: a send that got no reply is asked for once it is surely over, not a whole
   * timeout later. Its send mark stays, so whoever claims it next asks the gateway and never sends
   * blindly.
   */
  boolean returnAt(Claim claim, Instant askAt);

  /** Moves the message to the dead letters after its last attempt. */
  boolean deadLetter(Claim claim, String reason, Instant now);
}
