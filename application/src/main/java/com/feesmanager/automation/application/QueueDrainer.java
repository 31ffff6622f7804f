package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Delivers the given sessions' messages until nothing more can go before a deadline: what {@code
 * tick} and {@code demo} do (SPEC §8). Waits that end before the deadline are slept through: the
 * minimum gap, retry backoff, a rate limit or quiet hours, and held or delayed messages coming due
 * (a session found down is tried again when its hold ends). Each session is delivered under its
 * lease, as the daemon's workers do, so beside a daemon two sends are never in flight on one
 * session; a session whose lease another worker holds is left to it.
 */
public final class QueueDrainer implements DrainQueuesUseCase {

  /**
   * Blocks until the drainer's clock reads at least {@code until} (a real sleep, or a test clock's
   * advance); returning earlier would make a message due at {@code until} look absent.
   */
  @FunctionalInterface
  public interface Sleeper {
    void sleepUntil(Instant until) throws InterruptedException;

    /**
     * Sleeps in real time until {@code clock} reads {@code until}; for clocks that run at
     * wall-clock speed (the system clock, or one offset from it).
     */
    static Sleeper onClock(Clock clock) {
      return until -> {
        while (clock.instant().isBefore(until)) {
          Thread.sleep(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
        }
      };
    }
  }

  /** When a session's next message comes due ({@link QueueMonitor#nextDue}); empty when none. */
  @FunctionalInterface
  public interface NextDue {
    Optional<Instant> nextDue(String session, Instant now);
  }

  /**
   * How the drainer shares sessions with other workers: the leases, its own owner name, how long a
   * lease lasts (renewed before every step), and how long a held session rests before it is tried
   * again (the hold delay: the held message returns then).
   */
  public record Sharing(SessionLeases leases, String owner, Duration leaseTtl, Duration heldPause) {
    public Sharing {
      Objects.requireNonNull(leases, "'leases' must not be null");
      Objects.requireNonNull(owner, "'owner' must not be null");
      Objects.requireNonNull(leaseTtl, "'leaseTtl' must not be null");
      Objects.requireNonNull(heldPause, "'heldPause' must not be null");
      if (leaseTtl.isNegative() || leaseTtl.isZero() || heldPause.isNegative()) {
        throw new IllegalArgumentException("the lease must be positive, the pause not negative");
      }
    }

    /** One process alone with its in-process queue ({@code demo}): no lease to take. */
    static final Sharing ALONE =
        new Sharing(
            new SessionLeases() {
              @Override
              public boolean acquire(String session, String owner, Instant now, Duration ttl) {
                return true;
              }

              @Override
              public Optional<String> lastHolder(String session) {
                return Optional.empty();
              }

              @Override
              public boolean takeOver(
                  String session, String former, String owner, Instant now, Duration ttl) {
                return false;
              }

              @Override
              public void release(String session, String owner) {}
            },
            "alone",
            Duration.ofDays(1),
            Duration.ZERO);
  }

  /** With no queue monitor nothing is known about delayed messages: an idle session is done. */
  private static final NextDue UNKNOWN = (session, now) -> Optional.empty();

  private final DeliverMessagesUseCase deliver;
  private final NextDue nextDue;
  private final Sharing sharing;
  private final Clock clock;
  private final Sleeper sleeper;

  /** A drainer alone with its queue, blind to delayed messages ({@code demo}). */
  public QueueDrainer(DeliverMessagesUseCase deliver, Clock clock, Sleeper sleeper) {
    this(deliver, UNKNOWN, Sharing.ALONE, clock, sleeper);
  }

  /** A drainer that waits for delayed messages coming due and shares sessions through leases. */
  public QueueDrainer(
      DeliverMessagesUseCase deliver,
      NextDue nextDue,
      Sharing sharing,
      Clock clock,
      Sleeper sleeper) {
    this.deliver = Objects.requireNonNull(deliver, "'deliver' must not be null");
    this.nextDue = Objects.requireNonNull(nextDue, "'nextDue' must not be null");
    this.sharing = Objects.requireNonNull(sharing, "'sharing' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
  }

  @Override
  public DrainReport drain(Collection<String> sessions, Instant deadline, StepListener listener)
      throws InterruptedException {
    Drain drain = new Drain(deadline, listener);
    sessions.forEach(s -> drain.nextAt.put(s, clock.instant()));
    try {
      drain.run();
    } finally {
      try {
        for (String session : sessions) {
          deliver.pause(new PauseCommand(session, clock.instant()));
        }
      } finally {
        drain.leased.forEach(session -> sharing.leases().release(session, sharing.owner()));
      }
    }
    return drain.report();
  }

  /** The state of one drain. */
  private final class Drain {
    final Instant deadline;
    final StepListener listener;
    final Map<String, Instant> nextAt = new HashMap<>();
    final Map<String, Instant> pendingRetry = new HashMap<>();
    final Set<String> leased = new HashSet<>();

    /** Why each session still has messages: its last step, or the queue's word. */
    final Map<String, Left> left = new TreeMap<>();

    /** Messages held and not delivered since, with the reason. */
    final Map<MessageKey, String> held = new LinkedHashMap<>();

    final Counts counts = new Counts();

    Drain(Instant deadline, StepListener listener) {
      this.deadline = deadline;
      this.listener = listener;
    }

    void run() throws InterruptedException {
      while (!nextAt.isEmpty()) {
        Map.Entry<String, Instant> earliest =
            nextAt.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        String session = earliest.getKey();
        if (earliest.getValue().isAfter(deadline)) {
          break;
        }
        if (earliest.getValue().isAfter(clock.instant())) {
          sleeper.sleepUntil(earliest.getValue());
        }
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
          break;
        }
        if (!sharing.leases().acquire(session, sharing.owner(), now, sharing.leaseTtl())) {
          // another worker (a daemon) delivers this session: a message claimed ahead while this
          // drain held the lease goes back at once
          deliver.pause(new PauseCommand(session, now));
          leased.remove(session);
          nextAt.remove(session);
          left.put(session, new Left(session, Left.State.LEASED_ELSEWHERE, "", Optional.empty()));
          continue;
        }
        leased.add(session);
        DeliveryStep step = deliver.deliverNext(new DeliverNextCommand(session, now));
        listener.onStep(session, step);
        counts.count(step);
        next(session, step, now);
      }
      // what remains is due after the deadline: left queued for the next run
      nextAt.forEach(
          (session, at) ->
              left.computeIfAbsent(
                  session,
                  s -> new Left(s, Left.State.QUEUED, "due after the deadline", Optional.of(at))));
    }

    private void next(String session, DeliveryStep step, Instant now) {
      // a held message that got further (sent, waiting for a limit, …) is held no more
      if (step instanceof DeliveryStep.MessageStep message
          && !(step instanceof DeliveryStep.Held)) {
        held.remove(message.key());
      }
      left.remove(session);
      if (step instanceof DeliveryStep.Waiting waiting) {
        nextAt.put(session, waiting.until());
        left.put(
            session,
            new Left(session, Left.State.WAITING, waiting.reason(), Optional.of(waiting.until())));
      } else if (step instanceof DeliveryStep.Retrying retrying) {
        pendingRetry.merge(session, retrying.at(), (a, b) -> a.isBefore(b) ? a : b);
        nextAt.put(session, now);
      } else if (step instanceof DeliveryStep.Held hold) {
        // the held message returns after the hold delay; the session is tried again then
        held.put(hold.key(), hold.reason());
        Instant again = now.plus(sharing.heldPause());
        if (sharing.heldPause().isZero()) {
          nextAt.remove(session);
        } else {
          nextAt.put(session, again);
        }
        left.put(session, new Left(session, Left.State.HELD, hold.reason(), Optional.of(again)));
      } else if (step instanceof DeliveryStep.Idle) {
        Optional<Instant> due = nextDue.nextDue(session, now);
        Instant retry = pendingRetry.remove(session);
        if (retry != null && (due.isEmpty() || retry.isBefore(due.get()))) {
          due = Optional.of(retry);
        }
        if (due.isEmpty()) {
          nextAt.remove(session);
        } else {
          // due now yet not claimable (a clock skew, a race): look again shortly, never spin
          nextAt.put(session, due.get().isAfter(now) ? due.get() : now.plusSeconds(1));
        }
      } else {
        nextAt.put(session, now);
      }
    }

    DrainReport report() {
      int waiting =
          (int)
              left.values().stream()
                  .filter(l -> l.state() == Left.State.WAITING || l.state() == Left.State.QUEUED)
                  .count();
      return new DrainReport(
          counts.sent,
          counts.skipped,
          counts.failed,
          counts.dead,
          held.size(),
          counts.retrying,
          waiting,
          new ArrayList<>(left.values()));
    }
  }

  /** Step counts of one drain. */
  private static final class Counts {
    int sent;
    int skipped;
    int failed;
    int dead;
    int retrying;

    void count(DeliveryStep step) {
      if (step instanceof DeliveryStep.Sent) {
        sent++;
      } else if (step instanceof DeliveryStep.Skipped) {
        skipped++;
      } else if (step instanceof DeliveryStep.Failed) {
        failed++;
      } else if (step instanceof DeliveryStep.Dead) {
        dead++;
      } else if (step instanceof DeliveryStep.Retrying) {
        retrying++;
      }
    }
  }
}
