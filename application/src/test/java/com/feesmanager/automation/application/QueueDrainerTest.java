package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueDrainerTest {

  private static final Instant START = Instant.parse("2026-11-20T05:00:00Z");
  private static final MessageKey KEY = new MessageKey("k");

  /** A clock the sleeper moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = START;

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
  }

  /** Answers scripted steps and records when it was asked. */
  private static final class ScriptedDelivery implements DeliverMessagesUseCase {
    final Deque<DeliveryStep> steps;
    final List<Instant> askedAt = new ArrayList<>();
    final List<String> paused = new ArrayList<>();

    ScriptedDelivery(DeliveryStep... steps) {
      this.steps = new ArrayDeque<>(List.of(steps));
    }

    @Override
    public DeliveryStep deliverNext(DeliverNextCommand command) {
      askedAt.add(command.now());
      return steps.isEmpty() ? new DeliveryStep.Idle() : steps.poll();
    }

    @Override
    public void pause(PauseCommand command) {
      paused.add(command.session() + "@" + command.now());
    }
  }

  /** Leases as one Redis would keep them, with another worker that may hold the session. */
  private static final class RecordingLeases implements SessionLeases {
    final List<String> calls = new ArrayList<>();
    final Deque<Boolean> answers = new ArrayDeque<>();

    @Override
    public boolean acquire(String session, String owner, Instant now, Duration ttl) {
      calls.add("acquire " + session + " " + owner + " @" + now + " for " + ttl);
      return answers.isEmpty() || answers.poll();
    }

    @Override
    public Optional<String> lastHolder(String session) {
      return Optional.empty(); // the drainer never takes a lease over
    }

    @Override
    public boolean takeOver(
        String session, String former, String owner, Instant now, Duration ttl) {
      throw new AssertionError("the drainer never takes a lease over");
    }

    @Override
    public void release(String session, String owner) {
      calls.add("release " + session + " " + owner);
    }
  }

  private static final Duration HOLD = Duration.ofSeconds(30);
  private static final Duration TTL = Duration.ofMinutes(2);

  private final ManualClock clock = new ManualClock();
  private final RecordingLeases leases = new RecordingLeases();
  private final Map<String, Instant> due = new HashMap<>();

  private DrainQueuesUseCase.DrainReport drain(ScriptedDelivery delivery, Duration budget)
      throws InterruptedException {
    DrainQueuesUseCase drainer = new QueueDrainer(delivery, clock, until -> clock.now = until);
    return drainer.drain(Set.of("s"), START.plus(budget), (session, step) -> {});
  }

  /** As the tick drains: waiting for messages coming due, under the session's lease. */
  private DrainQueuesUseCase.DrainReport drainLikeTick(ScriptedDelivery delivery, Duration budget)
      throws InterruptedException {
    DrainQueuesUseCase drainer =
        new QueueDrainer(
            delivery,
            (session, now) -> {
              Instant at = due.remove(session);
              return at == null ? Optional.empty() : Optional.of(at.isAfter(now) ? at : now);
            },
            new QueueDrainer.Sharing(leases, "tick-1", TTL, HOLD),
            clock,
            until -> clock.now = until);
    return drainer.drain(Set.of("s"), START.plus(budget), (session, step) -> {});
  }

  @Test
  void a_message_held_by_an_earlier_run_is_waited_for_and_sent_when_it_comes_due()
      throws InterruptedException {
    // given the queue is idle now, but a message held by the previous tick comes due in 20 s
    due.put("s", START.plusSeconds(20));
    ScriptedDelivery delivery =
        new ScriptedDelivery(new DeliveryStep.Idle(), new DeliveryStep.Sent("uid-1", KEY));

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then it was sent, nothing is left, exit 0
    assertThat(delivery.askedAt)
        .containsExactly(START, START.plusSeconds(20), START.plusSeconds(20));
    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.waiting()).isZero();
    assertThat(report.left()).isEmpty();
    assertThat(report.needsAttention()).isFalse();
  }

  @Test
  void a_session_found_down_is_tried_again_when_its_hold_ends_and_a_send_then_clears_the_hold()
      throws InterruptedException {
    // given
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"),
            new DeliveryStep.Sent("uid-1", KEY));

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then
    assertThat(delivery.askedAt).containsExactly(START, START.plus(HOLD), START.plus(HOLD));
    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.held()).isZero();
    assertThat(report.needsAttention()).isFalse();
  }

  @Test
  void a_session_still_down_at_the_deadline_is_reported_held_and_needs_attention()
      throws InterruptedException {
    // given
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"),
            new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"));

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then one message, held twice, is held once; it is tried again after the deadline
    assertThat(delivery.askedAt).containsExactly(START, START.plus(HOLD));
    assertThat(report.held()).isEqualTo(1);
    assertThat(report.needsAttention()).isTrue();
    assertThat(report.left())
        .containsExactly(
            new DrainQueuesUseCase.Left(
                "s",
                DrainQueuesUseCase.Left.State.HELD,
                "SESSION_DOWN",
                Optional.of(START.plus(HOLD).plus(HOLD))));
  }

  @Test
  void a_message_due_after_the_deadline_is_reported_with_its_time_and_needs_no_attention()
      throws InterruptedException {
    // given
    due.put("s", START.plusSeconds(600));
    ScriptedDelivery delivery = new ScriptedDelivery(new DeliveryStep.Idle());

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then
    assertThat(delivery.askedAt).containsExactly(START);
    assertThat(report.waiting()).isEqualTo(1);
    assertThat(report.needsAttention()).isFalse();
    assertThat(report.left())
        .containsExactly(
            new DrainQueuesUseCase.Left(
                "s",
                DrainQueuesUseCase.Left.State.QUEUED,
                "due after the deadline",
                Optional.of(START.plusSeconds(600))));
  }

  @Test
  void each_step_renews_the_lease_and_the_lease_is_given_up_at_the_end()
      throws InterruptedException {
    // given
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Sent("uid-1", KEY),
            new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(3), "MIN_GAP"),
            new DeliveryStep.Sent("uid-1", KEY));

    // when
    drainLikeTick(delivery, Duration.ofSeconds(50));

    // then
    assertThat(leases.calls)
        .containsExactly(
            "acquire s tick-1 @" + START + " for " + TTL,
            "acquire s tick-1 @" + START + " for " + TTL,
            "acquire s tick-1 @" + START.plusSeconds(3) + " for " + TTL,
            "acquire s tick-1 @" + START.plusSeconds(3) + " for " + TTL,
            "release s tick-1");
    assertThat(delivery.paused).containsExactly("s@" + START.plusSeconds(3));
  }

  @Test
  void a_session_whose_lease_another_worker_holds_is_left_to_it_untouched()
      throws InterruptedException {
    // given a daemon holds the lease
    leases.answers.add(false);
    ScriptedDelivery delivery = new ScriptedDelivery(new DeliveryStep.Sent("uid-1", KEY));

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then nothing was delivered, nothing released that was not taken, exit 0
    assertThat(delivery.askedAt).isEmpty();
    assertThat(leases.calls).noneMatch(call -> call.startsWith("release"));
    assertThat(report.needsAttention()).isFalse();
    assertThat(report.left())
        .containsExactly(
            new DrainQueuesUseCase.Left(
                "s", DrainQueuesUseCase.Left.State.LEASED_ELSEWHERE, "", Optional.empty()));
  }

  @Test
  void a_lease_lost_between_steps_stops_the_session_and_hands_back_what_was_claimed_ahead()
      throws InterruptedException {
    // given the lease is taken over after the first step
    leases.answers.add(true);
    leases.answers.add(false);
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Sent("uid-1", KEY), new DeliveryStep.Sent("uid-1", KEY));

    // when
    DrainQueuesUseCase.DrainReport report = drainLikeTick(delivery, Duration.ofSeconds(50));

    // then
    assertThat(report.sent()).isEqualTo(1);
    assertThat(delivery.paused).hasSizeGreaterThanOrEqualTo(1).allMatch(p -> p.startsWith("s@"));
    assertThat(leases.calls).noneMatch(call -> call.startsWith("release"));
    assertThat(report.left())
        .extracting(DrainQueuesUseCase.Left::state)
        .containsExactly(DrainQueuesUseCase.Left.State.LEASED_ELSEWHERE);
  }

  @Test
  void sends_until_idle_and_waits_out_the_minimum_gap() throws InterruptedException {
    // given
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Sent("uid-1", KEY),
            new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(3), "MIN_GAP"),
            new DeliveryStep.Sent("uid-1", KEY));

    // when
    DrainQueuesUseCase.DrainReport report = drain(delivery, Duration.ofMinutes(1));

    // then
    assertThat(report.sent()).isEqualTo(2);
    assertThat(report.needsAttention()).isFalse();
    assertThat(delivery.askedAt)
        .containsExactly(START, START, START.plusSeconds(3), START.plusSeconds(3));
  }

  @Test
  void a_wait_past_the_deadline_leaves_the_message_queued() throws InterruptedException {
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(3600), "HOUR_CAP"));

    DrainQueuesUseCase.DrainReport report = drain(delivery, Duration.ofMinutes(1));

    assertThat(report.waiting()).isEqualTo(1);
    assertThat(report.needsAttention()).isFalse();
    assertThat(delivery.askedAt).containsExactly(START);
  }

  @Test
  void a_retry_within_the_budget_is_waited_for() throws InterruptedException {
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Retrying("uid-1", KEY, START.plusSeconds(30), "SEND_FAILED"),
            new DeliveryStep.Idle(),
            new DeliveryStep.Sent("uid-1", KEY));

    DrainQueuesUseCase.DrainReport report = drain(delivery, Duration.ofMinutes(1));

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retrying()).isEqualTo(1);
    assertThat(delivery.askedAt).contains(START.plusSeconds(30));
  }

  @Test
  void a_held_session_stops_and_needs_attention() throws InterruptedException {
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"),
            new DeliveryStep.Sent("uid-1", KEY));

    DrainQueuesUseCase.DrainReport report = drain(delivery, Duration.ofMinutes(1));

    assertThat(report.held()).isEqualTo(1);
    assertThat(report.sent()).isZero();
    assertThat(report.needsAttention()).isTrue();
  }

  @Test
  void failed_and_dead_messages_need_attention() throws InterruptedException {
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Failed("uid-1", KEY, "NOT_ON_WHATSAPP"),
            new DeliveryStep.Dead("uid-1", KEY, "500"));

    DrainQueuesUseCase.DrainReport report = drain(delivery, Duration.ofMinutes(1));

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.dead()).isEqualTo(1);
    assertThat(report.needsAttention()).isTrue();
  }

  @Test
  void a_drain_cut_by_its_deadline_pauses_the_session_so_nothing_stays_claimed_ahead()
      throws InterruptedException {
    // given a session that would go on sending, but the next send is due after the deadline
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            new DeliveryStep.Sent("uid-1", KEY),
            new DeliveryStep.Waiting("uid-1", KEY, START.plusSeconds(90), "MIN_GAP"),
            new DeliveryStep.Sent("uid-1", KEY));

    // when
    drain(delivery, Duration.ofMinutes(1));

    // then
    assertThat(delivery.paused).containsExactly("s@" + START);
  }

  @Test
  void an_emptied_session_is_paused_too() throws InterruptedException {
    ScriptedDelivery delivery = new ScriptedDelivery(new DeliveryStep.Sent("uid-1", KEY));

    drain(delivery, Duration.ofMinutes(1));

    assertThat(delivery.paused).containsExactly("s@" + START);
  }
}
