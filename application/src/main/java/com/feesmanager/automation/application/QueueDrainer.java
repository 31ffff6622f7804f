package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Delivers the given sessions' messages until nothing more can go before a deadline: what {@code
 * tick} and {@code demo} do (SPEC §8). Waits (minimum gap, retry backoff) that end before the
 * deadline are slept through; later ones, and held sessions, are left queued.
 */
public final class QueueDrainer {

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
          Thread.sleep(
              Math.max(1, java.time.Duration.between(clock.instant(), until).toMillis() + 1));
        }
      };
    }
  }

  /** Observes each step, e.g. to print progress. */
  @FunctionalInterface
  public interface StepListener {
    void onStep(String session, DeliveryStep step);

    /** A step of {@code session} threw (a store down mid-step); the worker pauses and goes on. */
    default void onError(String session, RuntimeException error) {}
  }

  private final DeliverMessagesUseCase deliver;
  private final Clock clock;
  private final Sleeper sleeper;

  public QueueDrainer(DeliverMessagesUseCase deliver, Clock clock, Sleeper sleeper) {
    this.deliver = Objects.requireNonNull(deliver, "'deliver' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
  }

  /**
   * Drains {@code sessions} until each is empty, held, or waiting past {@code deadline}; then
   * pauses each, so nothing stays claimed for a next step that will not come.
   */
  public DrainReport drain(Collection<String> sessions, Instant deadline, StepListener listener)
      throws InterruptedException {
    Map<String, Instant> nextAt = new HashMap<>();
    Map<String, Instant> pendingRetry = new HashMap<>();
    sessions.forEach(s -> nextAt.put(s, clock.instant()));
    DrainReport.Builder report = new DrainReport.Builder();
    try {
      drain(nextAt, pendingRetry, deadline, listener, report);
    } finally {
      for (String session : sessions) {
        deliver.pause(new PauseCommand(session, clock.instant()));
      }
    }
    return report.build();
  }

  private void drain(
      Map<String, Instant> nextAt,
      Map<String, Instant> pendingRetry,
      Instant deadline,
      StepListener listener,
      DrainReport.Builder report)
      throws InterruptedException {
    while (!nextAt.isEmpty()) {
      Map.Entry<String, Instant> earliest =
          nextAt.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
      String session = earliest.getKey();
      if (earliest.getValue().isAfter(deadline)) {
        report.waiting(nextAt.size());
        break;
      }
      if (earliest.getValue().isAfter(clock.instant())) {
        sleeper.sleepUntil(earliest.getValue());
      }
      Instant now = clock.instant();
      if (now.isAfter(deadline)) {
        report.waiting(nextAt.size());
        break;
      }
      DeliveryStep step = deliver.deliverNext(new DeliverNextCommand(session, now));
      listener.onStep(session, step);
      report.count(step);
      if (step instanceof DeliveryStep.Waiting waiting) {
        nextAt.put(session, waiting.until());
      } else if (step instanceof DeliveryStep.Retrying retrying) {
        pendingRetry.merge(session, retrying.at(), (a, b) -> a.isBefore(b) ? a : b);
        nextAt.put(session, now);
      } else if (step instanceof DeliveryStep.Held) {
        nextAt.remove(session);
      } else if (step instanceof DeliveryStep.Idle) {
        Instant retry = pendingRetry.remove(session);
        if (retry == null) {
          nextAt.remove(session);
        } else {
          nextAt.put(session, retry);
        }
      } else {
        nextAt.put(session, now);
      }
    }
  }

  /** What a drain did. {@code waiting} counts sessions left waiting past the deadline. */
  public record DrainReport(
      int sent, int skipped, int failed, int dead, int held, int retrying, int waiting) {

    /** Something failed, went dead or is held: SPEC §8's exit code 1 for {@code tick}. */
    public boolean needsAttention() {
      return failed > 0 || dead > 0 || held > 0;
    }

    static final class Builder {
      private int sent;
      private int skipped;
      private int failed;
      private int dead;
      private int held;
      private int retrying;
      private int waiting;

      void count(DeliveryStep step) {
        if (step instanceof DeliveryStep.Sent) {
          sent++;
        } else if (step instanceof DeliveryStep.Skipped) {
          skipped++;
        } else if (step instanceof DeliveryStep.Failed) {
          failed++;
        } else if (step instanceof DeliveryStep.Dead) {
          dead++;
        } else if (step instanceof DeliveryStep.Held) {
          held++;
        } else if (step instanceof DeliveryStep.Retrying) {
          retrying++;
        }
      }

      void waiting(int sessions) {
        waiting += sessions;
      }

      DrainReport build() {
        return new DrainReport(sent, skipped, failed, dead, held, retrying, waiting);
      }
    }
  }
}
