package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which account each WhatsApp session sends for (SPEC §6 session binding, {@code
 * automationSessions/{session}}): the first account that sends through a session is bound to it;
 * only the operator moves a binding.
 */
public interface SessionBindings {

  /** Binds {@code session} to {@code uid} unless another account holds it; says which it is. */
  Binding bind(String session, String uid, Instant now);

  /**
   * The operator's rebind: {@code session} sends for {@code uid} from now on ({@code boundAt} is
   * {@code now}; a rebind to the account already bound changes nothing).
   */
  void rebind(String session, String uid, Instant now);

  /**
   * Reads {@code session}'s stored binding ahead of the sends that need it (the minute's
   * preparation), so that the first {@link #bind} of the minute is answered without a store round
   * trip; binds nothing. An adapter that keeps no copy of its answers needs nothing here.
   */
  default void warm(String session, Instant now) {}

  /** The account {@code session} is bound to, read afresh (for the operator); empty when none. */
  Optional<Bound> boundTo(String session);

  /** A session's binding as stored. */
  record Bound(String uid, Instant boundAt) {
    public Bound {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(boundAt, "'boundAt' must not be null");
    }
  }

  /** The outcome of {@link #bind}. */
  sealed interface Binding {

    /** The session sends for this account (just bound, or bound before). */
    record Mine() implements Binding {}

    /** Another account holds the session: hold the message and raise SESSION_TAKEN. */
    record Taken(String boundUid, Instant boundAt) implements Binding {
      public Taken {
        Objects.requireNonNull(boundUid, "'boundUid' must not be null");
        Objects.requireNonNull(boundAt, "'boundAt' must not be null");
      }
    }
  }
}
