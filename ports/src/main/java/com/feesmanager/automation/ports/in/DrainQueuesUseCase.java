package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SPEC §8: deliver what is due before a deadline and say what is left, as {@code tick} and {@code
 * demo} do after firing. Each session is delivered under its lease, so beside a daemon two sends
 * are never in flight on one session.
 */
public interface DrainQueuesUseCase {

  /**
   * Drains {@code sessions} until each is empty, left to another worker, or waiting past {@code
   * deadline}; then pauses each (so nothing stays claimed for a next step that will not come) and
   * gives its lease up.
   */
  DrainReport drain(Collection<String> sessions, Instant deadline, StepListener listener)
      throws InterruptedException;

  /** Observes each step, e.g. to print progress. */
  @FunctionalInterface
  interface StepListener {
    void onStep(String session, DeliveryStep step);

    /** A step of {@code session} threw (a store down mid-step); the worker pauses and goes on. */
    default void onError(String session, RuntimeException error) {}
  }

  /**
   * A session that still had messages when the drain ended, and why: {@code HELD} (its session or
   * the gateway was down at the last try; {@code reason} says which), {@code WAITING} (a rate limit
   * or quiet hours, {@code reason} says which), {@code QUEUED} (its next message comes due after
   * the deadline, for a reason an earlier run knew), {@code LEASED_ELSEWHERE} (another worker holds
   * its lease and delivers it). {@code nextAt} is when it may go on, when known.
   */
  record Left(String session, State state, String reason, Optional<Instant> nextAt) {

    /** Why a session still has messages. */
    public enum State {
      HELD,
      WAITING,
      QUEUED,
      LEASED_ELSEWHERE
    }

    public Left {
      Objects.requireNonNull(session, "'session' must not be null");
      Objects.requireNonNull(state, "'state' must not be null");
      Objects.requireNonNull(reason, "'reason' must not be null");
      Objects.requireNonNull(nextAt, "'nextAt' must not be null");
    }
  }

  /**
   * What a drain did. {@code held} counts messages held at their last try and not delivered since;
   * {@code waiting} counts sessions left waiting past the deadline (a limit, quiet hours, or a
   * message due later); {@code left} says, per session, why messages remain.
   */
  record DrainReport(
      int sent,
      int skipped,
      int failed,
      int dead,
      int held,
      int retrying,
      int waiting,
      List<Left> left) {

    public DrainReport {
      left = List.copyOf(left);
    }

    /** Nothing sent, nothing left. */
    public static final DrainReport NOTHING = new DrainReport(0, 0, 0, 0, 0, 0, 0, List.of());

    /** Something failed, went dead or is held: SPEC §8's exit code 1 for {@code tick}. */
    public boolean needsAttention() {
      return failed > 0 || dead > 0 || held > 0;
    }
  }
}
