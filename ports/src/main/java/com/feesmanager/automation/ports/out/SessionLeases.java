package com.feesmanager.automation.ports.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Only one worker at a time delivers a session's messages (keeps FIFO and the minimum gap true
 * across instances); a dead holder's lease expires.
 */
public interface SessionLeases {

  /** Takes or renews the session's lease for {@code owner}; false while another holds it. */
  boolean acquire(String session, String owner, Instant now, Duration ttl);

  /** The owner of the session's lease at {@code now}; empty when it is free or has run out. */
  Optional<String> holder(String session, Instant now);

  /**
   * The owner whose lease on the session ran out by {@code now} and that nobody has taken or
   * released since, while the store still remembers it (Redis: a minute past its end); empty when
   * the lease is live, free or forgotten. Lets a daemon restarted after its dead predecessor's
   * lease lapsed bring that predecessor's claims back ({@link #takeOver} works on it as well). A
   * store that forgets a lease as it runs out reports none.
   */
  default Optional<String> lapsed(String session, Instant now) {
    return Optional.empty();
  }

  /**
   * Takes the lease from {@code former} for {@code owner}, live or not, if {@code former} still
   * holds it: for a holder whose process is known to have ended (a daemon killed and restarted on
   * the same host), so that its sessions need not wait for its lease to lapse. False, changing
   * nothing, when the lease is free or someone else holds it. A lapsed lease that {@code former}
   * was the last to hold ({@link #lapsed}) is taken as well.
   */
  boolean takeOver(String session, String former, String owner, Instant now, Duration ttl);

  /** Gives the lease up if {@code owner} holds it. */
  void release(String session, String owner);
}
