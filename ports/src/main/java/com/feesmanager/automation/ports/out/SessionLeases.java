package com.feesmanager.automation.ports.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Only one worker at a time delivers a session's messages (keeps FIFO and the minimum gap true
 * across instances); a dead holder's lease expires.
 */
public interface SessionLeases {

  /** Takes or renews the session's lease for {@code owner}; false while another holds it. */
  boolean acquire(String session, String owner, Instant now, Duration ttl);

  /** Gives the lease up if {@code owner} holds it. */
  void release(String session, String owner);
}
