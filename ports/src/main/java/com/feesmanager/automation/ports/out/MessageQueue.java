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
   * Completes {@code claim} (as {@link #complete}), claims the same session's next ready message
   * and marks it as sending (as {@link #markSending}) in one step: the worker's hot path, one queue
   * call per sent message. The holder may send the returned claim without calling {@link
   * #markSending}; if it does not send it after all, {@link #release}, {@link #complete} or {@link
   * #deadLetter} clear the mark; if it dies first, the message comes back after its timeout with
   * {@code sendStarted} and is looked up before any resend (conservative, never a duplicate). The
   * returned claim's {@code sendStarted} is a previous holder's mark, read before this one. Returns
   * empty when nothing is ready; if the claim was lost, nothing is completed and the next message
   * is still claimed.
   */
  default Optional<Claim> completeAndClaimNext(Claim claim, Instant now) {
    complete(claim, now);
    return claimNext(claim.message().session(), now).filter(next -> markSending(next, now));
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

  /** Moves the message to the dead letters after its last attempt. */
  boolean deadLetter(Claim claim, String reason, Instant now);
}
