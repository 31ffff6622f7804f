package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionWorkerTest {

  private static final Instant START = Instant.parse("2026-11-20T05:00:00Z");
  private static final MessageKey KEY = new MessageKey("k");
  private static final SessionWorker.Pacing PACING =
      new SessionWorker.Pacing(
          Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30));

  /** A scripted step that throws instead, as a Lua call does while Redis restarts. */
  private static final DeliveryStep THROWS = new DeliveryStep.Held("uid-1", KEY, "THROWS");

  private Instant now = START;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  /** Leases held by one owner at a time; records what happened. */
  private static final class Leases implements SessionLeases {
    String holder;
    final List<String> events = new ArrayList<>();

    /** Lease calls still to throw, as while Redis restarts. */
    int failing;

    @Override
    public boolean acquire(String session, String owner, Instant at, Duration ttl) {
      if (failing > 0) {
        failing--;
        events.add("failed " + owner);
        throw new IllegalStateException("Failed to connect to 127.0.0.1:6379");
      }
      if (holder != null && !holder.equals(owner)) {
        events.add("refused " + owner);
        return false;
      }
      holder = owner;
      events.add("held " + owner);
      return true;
    }

    @Override
    public Optional<String> lastHolder(String session) {
      return Optional.ofNullable(holder);
    }

    @Override
    public boolean takeOver(String session, String former, String owner, Instant at, Duration ttl) {
      throw new AssertionError("the worker takes a lease over through its Takeover only");
    }

    @Override
    public void release(String session, String owner) {
      if (owner.equals(holder)) {
        holder = null;
        events.add("released " + owner);
      }
    }
  }

  private final Leases leases = new Leases();

  /** The owner of a lease that has run out, as the store still remembers it. */
  private String lapsed;

  /**
   * Takes the lease from the holder named "ended" (its process is gone), live or lapsed, from no
   * other.
   */
  private final SessionWorker.Takeover takeover =
      (session, owner, at, ttl) -> {
        if (!"ended".equals(leases.holder) && !(leases.holder == null && "ended".equals(lapsed))) {
          return false;
        }
        lapsed = null;
        leases.holder = owner;
        leases.events.add("took over " + owner);
        return true;
      };

  private final List<Instant> askedAt = new ArrayList<>();

  private void run(String owner, int maxSteps, DeliveryStep... script) {
    Deque<DeliveryStep> steps = new ArrayDeque<>(List.of(script));
    DeliverMessagesUseCase deliver =
        new DeliverMessagesUseCase() {
          @Override
          public DeliveryStep deliverNext(DeliverNextCommand command) {
            askedAt.add(command.now());
            DeliveryStep step = steps.isEmpty() ? new DeliveryStep.Idle() : steps.poll();
            if (step == THROWS) {
              throw new IllegalStateException("Connection reset");
            }
            return step;
          }

          @Override
          public void pause(PauseCommand command) {
            leases.events.add("paused " + command.session());
          }
        };
    int[] loops = {0};
    new SessionWorker(
            "s",
            owner,
            deliver,
            leases,
            takeover,
            clock,
            until -> now = until,
            PACING,
            (s, step) -> {})
        .run(() -> loops[0]++ >= maxSteps);
  }

  @Test
  void delivers_back_to_back_waits_out_limits_and_polls_when_idle() {
    run(
        "me",
        4,
        new DeliveryStep.Sent("uid-1", KEY),
        new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(4), "MIN_GAP"),
        new DeliveryStep.Sent("uid-1", KEY));

    assertThat(askedAt).containsExactly(START, START, START.plusSeconds(4), START.plusSeconds(4));
    assertThat(leases.events).endsWith("paused s", "released me");
  }

  @Test
  void a_long_wait_is_cut_so_the_lease_is_renewed_in_time() {
    run("me", 2, new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(3600), "HOUR_CAP"));

    // the second step comes at half the lease, not an hour later
    assertThat(askedAt).containsExactly(START, START.plusSeconds(30));
  }

  @Test
  void a_step_that_throws_pauses_the_worker_instead_of_ending_it() {
    run("me", 3, THROWS, new DeliveryStep.Sent("uid-1", KEY));

    assertThat(askedAt).containsExactly(START, START.plusSeconds(1), START.plusSeconds(1));
    assertThat(leases.events).endsWith("paused s", "released me");
  }

  @Test
  void a_lease_call_that_throws_pauses_the_worker_instead_of_ending_it_and_delivers_nothing() {
    // Redis refuses connections for a few seconds: the lease can be neither renewed nor taken
    leases.failing = 2;

    run("me", 3, new DeliveryStep.Sent("uid-1", KEY));

    // nothing is delivered without the lease; it is tried again after 1 s, then 2 s, as a step
    assertThat(askedAt).containsExactly(START.plusSeconds(3));
    assertThat(leases.events)
        .containsExactly("failed me", "failed me", "held me", "paused s", "released me");
  }

  @Test
  void a_store_that_keeps_failing_is_tried_again_sooner_than_a_held_session_doubling_each_time() {
    // a Redis restart of a few seconds costs seconds, not the 30 s pause of a held session
    run("me", 9, THROWS, THROWS, THROWS, THROWS, THROWS, THROWS, THROWS, THROWS);

    assertThat(askedAt)
        .containsExactly(
            START,
            START.plusSeconds(1),
            START.plusSeconds(3),
            START.plusSeconds(7),
            START.plusSeconds(15),
            START.plusSeconds(30),
            START.plusSeconds(45),
            START.plusSeconds(60),
            START.plusSeconds(75));
  }

  @Test
  void a_step_that_works_again_resets_the_backoff() {
    run("me", 5, THROWS, THROWS, new DeliveryStep.Sent("uid-1", KEY), THROWS);

    assertThat(askedAt)
        .containsExactly(
            START,
            START.plusSeconds(1),
            START.plusSeconds(3),
            START.plusSeconds(3),
            START.plusSeconds(4));
  }

  @Test
  void a_message_left_claimed_for_asking_later_does_not_hold_the_session() {
    // its log could not be written (Firestore frozen): it is asked for after its visibility
    // timeout, and the next message may go now (the session itself is fine)
    run(
        "me",
        2,
        new DeliveryStep.Held("uid-1", KEY, DeliveryStep.Held.OUTCOME_PENDING),
        new DeliveryStep.Sent("uid-1", KEY));

    assertThat(askedAt).containsExactly(START, START);
  }

  @Test
  void a_held_session_pauses_before_trying_again() {
    run("me", 2, new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"));

    assertThat(askedAt).containsExactly(START, START.plusSeconds(30));
  }

  @Test
  void while_another_worker_holds_the_session_this_one_delivers_nothing() {
    leases.holder = "other";

    run("me", 3, new DeliveryStep.Sent("uid-1", KEY));

    assertThat(askedAt).isEmpty();
    assertThat(leases.events).containsOnly("refused me", "paused s");
    assertThat(leases.holder).isEqualTo("other");
  }

  @Test
  void a_lease_whose_holder_has_ended_is_taken_over_at_once_not_after_it_lapses() {
    // given a daemon killed with kill -9 still holds the lease for up to its 15 s
    leases.holder = "ended";

    // when
    run("me", 2, new DeliveryStep.Sent("uid-1", KEY));

    // then the restarted one delivers at once
    assertThat(askedAt).containsExactly(START, START);
    assertThat(leases.events).startsWith("took over me", "held me");
  }

  @Test
  void a_lapsed_lease_whose_holder_has_ended_is_taken_over_so_its_claims_come_back() {
    // given the killed daemon's lease ran out before the restarted one asked (a slow start)
    lapsed = "ended";

    // when
    run("me", 2, new DeliveryStep.Sent("uid-1", KEY));

    // then it is taken over (which returns the dead owner's claims), not merely acquired
    assertThat(askedAt).containsExactly(START, START);
    assertThat(leases.events).startsWith("took over me", "held me");
  }

  @Test
  void a_worker_that_loses_the_lease_pauses_the_session_before_it_waits() {
    // given the lease is taken over after the first step
    Deque<DeliveryStep> steps = new ArrayDeque<>(List.of(new DeliveryStep.Sent("uid-1", KEY)));
    DeliverMessagesUseCase deliver =
        new DeliverMessagesUseCase() {
          @Override
          public DeliveryStep deliverNext(DeliverNextCommand command) {
            leases.holder = "other";
            return steps.isEmpty() ? new DeliveryStep.Idle() : steps.poll();
          }

          @Override
          public void pause(PauseCommand command) {
            leases.events.add("paused " + command.session());
          }
        };
    int[] loops = {0};

    // when
    new SessionWorker(
            "s",
            "me",
            deliver,
            leases,
            takeover,
            clock,
            until -> now = until,
            PACING,
            (s, step) -> {})
        .run(() -> loops[0]++ >= 2);

    // then
    assertThat(leases.events).startsWith("held me", "refused me", "paused s");
  }
}
