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

  /**
   * The owner of the session's lease, whether it is live or ran out and nobody has taken or
   * released it since, while the store still remembers it (Redis: a minute past its end); empty
   * when it is free or forgotten. One read for a worker refused the lease: its holder, or a daemon
   * restarted after its dead predecessor's lease lapsed, may have ended ({@link #takeOver} works on
   * either).
   */
  Optional<String> lastHolder(String session);

  /**
   * Takes the lease from {@code former} for {@code owner}, live or not, if {@code former} still
   * holds it: for a holder whose process is known to have ended (a daemon killed and restarted on
   * the same host), so that its sessions need not wait for its lease to lapse. False, changing
   * nothing, when the lease is free or someone else holds it. A lapsed lease that {@code former}
   * was the last to hold ({@link #lastHolder}) is taken as well.
   */
  boolean takeOver(String session, String former, String owner, Instant now, Duration ttl);

  /** Gives the lease up if {@code owner} holds it. */
  void release(String session, String owner);
}
