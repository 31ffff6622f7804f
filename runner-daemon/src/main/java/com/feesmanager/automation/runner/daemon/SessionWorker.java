package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.StepListener;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's delivery loop for one WhatsApp session: while it holds the session's lease (so one
 * worker across all instances keeps FIFO order and the minimum gap), it delivers step after step,
 * sleeping through waits, polling when idle, backing off while the session is held. It stops
 * between steps, never in the middle of one, and pauses the session and gives the lease up when it
 * stops.
 */
final class SessionWorker {

  private static final Logger LOG = LoggerFactory.getLogger(SessionWorker.class);

  /** How the worker paces itself. */
  record Pacing(Duration leaseTtl, Duration idlePoll, Duration heldPause) {
    public Pacing {
      Objects.requireNonNull(leaseTtl, "'leaseTtl' must not be null");
      Objects.requireNonNull(idlePoll, "'idlePoll' must not be null");
      Objects.requireNonNull(heldPause, "'heldPause' must not be null");
      if (leaseTtl.compareTo(idlePoll.multipliedBy(2)) < 0
          || leaseTtl.compareTo(heldPause.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("the lease must outlive two pauses, or it lapses");
      }
    }
  }

  private final String session;
  private final String owner;
  private final DeliverMessagesUseCase deliver;
  private final SessionLeases leases;
  private final Takeover takeover;
  private final Clock clock;
  private final QueueDrainer.Sleeper sleeper;
  private final Pacing pacing;
  private final StepListener listener;

  SessionWorker(
      String session,
      String owner,
      DeliverMessagesUseCase deliver,
      SessionLeases leases,
      Takeover takeover,
      Clock clock,
      QueueDrainer.Sleeper sleeper,
      Pacing pacing,
      StepListener listener) {
    this.session = Objects.requireNonNull(session, "'session' must not be null");
    this.owner = Objects.requireNonNull(owner, "'owner' must not be null");
    this.deliver = Objects.requireNonNull(deliver, "'deliver' must not be null");
    this.leases = Objects.requireNonNull(leases, "'leases' must not be null");
    this.takeover = Objects.requireNonNull(takeover, "'takeover' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
    this.pacing = Objects.requireNonNull(pacing, "'pacing' must not be null");
    this.listener = Objects.requireNonNull(listener, "'listener' must not be null");
  }

  /** Takes a session's lease from a holder known to have ended; false while it may be alive. */
  @FunctionalInterface
  interface Takeover {
    boolean take(String session, String owner, Instant now, Duration ttl);

    /** Every holder may be alive: its lease lapses first. */
    Takeover NEVER = (session, owner, now, ttl) -> false;
  }

  /** The first pause after a step threw; it doubles while steps keep throwing. */
  static final Duration FIRST_ERROR_PAUSE = Duration.ofSeconds(1);

  /** Delivers until {@code stop} says so (checked between steps) or the thread is interrupted. */
  void run(BooleanSupplier stop) {
    Duration errorPause = FIRST_ERROR_PAUSE;
    boolean held = false;
    try {
      while (!stop.getAsBoolean()) {
        Instant now = clock.instant();
        Instant resume;
        try {
          // not yet holding: a takeover first, as a plain acquire of a lapsed lease would forget
          // its dead owner, whose claims then wait out their visibility timeout. A lease call
          // that throws leaves `held` as it was: nothing is delivered until one answers.
          held =
              held
                  ? leases.acquire(session, owner, now, pacing.leaseTtl())
                      || takeover.take(session, owner, now, pacing.leaseTtl())
                  : takeover.take(session, owner, now, pacing.leaseTtl())
                      || leases.acquire(session, owner, now, pacing.leaseTtl());
          if (!held) {
            // another worker (here or in another instance) delivers this session: a message this
            // one claimed ahead while it held the lease must not wait out its visibility timeout
            deliver.pause(new PauseCommand(session, now));
            sleeper.sleepUntil(now.plus(pacing.idlePoll()));
            continue;
          }
          DeliveryStep step = deliver.deliverNext(new DeliverNextCommand(session, now));
          if (!(step instanceof DeliveryStep.Idle) && LOG.isDebugEnabled()) {
            // the lateness timeline: when a step began (its claim) and what it came to
            LOG.debug("session {}: {} step from {}", session, step.getClass().getSimpleName(), now);
          }
          listener.onStep(session, step);
          resume = resumeAfter(step, now);
          errorPause = FIRST_ERROR_PAUSE;
        } catch (RuntimeException e) {
          // a store that failed mid-step or on the lease (Redis restarting): the message is safe
          // in the queue, and a worker that ended here would leave the session undelivered until
          // the next upkeep, a minute later.
          // A restart takes seconds, so the worker tries again after 1 s, doubling up to half the
          // held pause: a restart costs seconds of sending, not the 30 s of a held session.
          listener.onError(session, e);
          resume = now.plus(errorPause);
          Duration longest = pacing.heldPause().dividedBy(2);
          errorPause = errorPause.multipliedBy(2);
          if (errorPause.compareTo(longest) > 0) {
            errorPause = longest;
          }
        }
        if (resume.isAfter(now)) {
          sleeper.sleepUntil(resume);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        deliver.pause(new PauseCommand(session, clock.instant()));
      } finally {
        leases.release(session, owner);
      }
    }
  }

  /** When to take the next step; waits are cut so the lease is renewed before it lapses. */
  private Instant resumeAfter(DeliveryStep step, Instant now) {
    Instant latest = now.plus(pacing.leaseTtl().dividedBy(2));
    Instant wanted;
    if (step instanceof DeliveryStep.Waiting waiting) {
      wanted = waiting.until();
    } else if (step instanceof DeliveryStep.Idle) {
      wanted = now.plus(pacing.idlePoll());
    } else if (step instanceof DeliveryStep.Held held && held.holdsSession()) {
      // a held session waits; a message left claimed (sent, but its log or completion could not
      // be written) is asked for after its visibility timeout and holds nothing: the next may go
      wanted = now.plus(pacing.heldPause());
    } else {
      wanted = now;
    }
    return wanted.isAfter(latest) ? latest : wanted;
  }
}
