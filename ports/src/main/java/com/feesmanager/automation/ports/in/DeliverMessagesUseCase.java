package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.domain.message.MessageKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Delivers the next message of one session (SPEC §4–§6): FIFO, holds while the session is down,
 * waits for quiet hours and rate limits without consuming an attempt, re-checks the balance, sends,
 * classifies, retries, fails or dead-letters, and logs.
 */
public interface DeliverMessagesUseCase {

  /**
   * Delivers the session's next message. A step that finishes a message may already claim the
   * session's next one for the following step (one queue round trip instead of two); a caller that
   * stops delivering the session must then {@link #pause} it.
   */
  DeliveryStep deliverNext(DeliverNextCommand command);

  /**
   * The caller stops delivering the session for now (its drain ended, it lost the session's lease,
   * or it shuts down): a message claimed ahead for the next step goes back to its FIFO place, so
   * the next worker does not wait out its visibility timeout. Nothing to do by default.
   */
  default void pause(PauseCommand command) {}

  /**
   * Reads ahead, a few seconds before a minute's sends, what those sends would otherwise wait for
   * and that is not the minute's data (the sessions' bindings): no message is touched, nothing is
   * bound, and every send still makes its checks. Best effort; nothing to do by default.
   */
  default void warm(WarmCommand command) {}

  /** Deliver the session's next message at {@code now}. */
  record DeliverNextCommand(String session, Instant now) {
    public DeliverNextCommand {
      Objects.requireNonNull(session, "'session' must not be null");
      Objects.requireNonNull(now, "'now' must not be null");
    }
  }

  /** Stop delivering the session at {@code now}. */
  record PauseCommand(String session, Instant now) {
    public PauseCommand {
      Objects.requireNonNull(session, "'session' must not be null");
      Objects.requireNonNull(now, "'now' must not be null");
    }
  }

  /** Warm the sends of {@code sessions} at {@code now}. */
  record WarmCommand(Set<String> sessions, Instant now) {
    public WarmCommand {
      sessions = Set.copyOf(Objects.requireNonNull(sessions, "'sessions' is null"));
      Objects.requireNonNull(now, "'now' must not be null");
    }
  }

  /** What one delivery step did. */
  sealed interface DeliveryStep {

    /** A step that handled one message of account {@code uid}. */
    sealed interface MessageStep extends DeliveryStep {
      String uid();

      MessageKey key();
    }

    /** Nothing ready in the session. */
    record Idle() implements DeliveryStep {}

    /** Sent; the log is SENT. */
    record Sent(String uid, MessageKey key) implements MessageStep {}

    /** Not sent for a reason (PAID_SINCE_QUEUED); the log is SKIPPED. */
    record Skipped(String uid, MessageKey key, String reason) implements MessageStep {}

    /** Over a limit or in quiet hours: the message waits until {@code until}, no attempt used. */
    record Waiting(String uid, MessageKey key, Instant until, String reason)
        implements MessageStep {}

    /** Session or gateway down: the message is held, no attempt used. */
    record Held(String uid, MessageKey key, String reason) implements MessageStep {

      /**
       * The reason of a message left claimed after its send started (its log or completion could
       * not be written): it is asked for after its visibility timeout and holds its session back
       * from nothing.
       */
      public static final String OUTCOME_PENDING = "OUTCOME_PENDING";

      /** Whether the session should rest before its next step (its messages cannot go now). */
      public boolean holdsSession() {
        return !OUTCOME_PENDING.equals(reason);
      }
    }

    /** The attempt failed; retried at {@code at}. */
    record Retrying(String uid, MessageKey key, Instant at, String reason) implements MessageStep {}

    /** FAILED for good (permanent error or UNKNOWN_OUTCOME). */
    record Failed(String uid, MessageKey key, String reason) implements MessageStep {}

    /** The last attempt failed: DEAD. */
    record Dead(String uid, MessageKey key, String reason) implements MessageStep {}
  }
}
