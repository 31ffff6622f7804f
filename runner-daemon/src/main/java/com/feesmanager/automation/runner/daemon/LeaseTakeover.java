package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a session's lease from a holder whose process has ended (a daemon killed and restarted on
 * the same host, {@link ProcessOwners}) instead of waiting for the lease to lapse, and brings its
 * claims back: a message it had claimed but not begun to send at once, one it was sending once that
 * send is surely over ({@code sendGrace} after now; the server may still be sending what a dead
 * client asked for), when the gateway is asked whether it went out. Issue 13: each {@code kill -9}
 * silenced the session for the lease's 15 s, and its mid-send message for the visibility timeout (2
 * minutes). A lease that already lapsed is taken the same way while the store still remembers its
 * owner ({@link SessionLeases#lastHolder}), so that owner's claims come back all the same.
 */
final class LeaseTakeover implements SessionWorker.Takeover {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseTakeover.class);

  private final SessionLeases leases;
  private final MessageQueue queue;
  private final Predicate<String> ended;
  private final Duration sendGrace;

  /**
   * @param ended whether a lease owner is a process known to have ended; never true of a live one
   * @param sendGrace how long after its client died a send may still be under way at the server
   */
  LeaseTakeover(
      SessionLeases leases, MessageQueue queue, Predicate<String> ended, Duration sendGrace) {
    this.leases = Objects.requireNonNull(leases, "'leases' must not be null");
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.ended = Objects.requireNonNull(ended, "'ended' must not be null");
    this.sendGrace = Objects.requireNonNull(sendGrace, "'sendGrace' must not be null");
  }

  @Override
  public boolean take(String session, String owner, Instant now, Duration ttl) {
    // live or lapsed: a lease that ran out before this worker asked (a slow restart) still names
    // its dead owner, whose claims come back all the same
    Optional<String> holder = leases.lastHolder(session);
    if (holder.isEmpty() || holder.get().equals(owner) || !ended.test(holder.get())) {
      return false;
    }
    if (!leases.takeOver(session, holder.get(), owner, now, ttl)) {
      return false; // renewed or taken by another since: it was not the ended process's any more
    }
    Instant askAt = now.plus(sendGrace);
    int returned;
    try {
      returned = queue.returnAbandoned(session, now, askAt);
    } catch (RuntimeException e) {
      returned = 0; // Redis away: the claims come back after their visibility timeout instead
    }
    LOG.info(
        "session {}: took the lease of {}, whose process has ended; {} of its claims come back"
            + " (a send it began is asked for at {})",
        session,
        holder.get(),
        returned,
        askAt);
    return true;
  }
}
