package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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

  private final ManualClock clock = new ManualClock();

  private QueueDrainer.DrainReport drain(ScriptedDelivery delivery, Duration budget)
      throws InterruptedException {
    QueueDrainer drainer = new QueueDrainer(delivery, clock, until -> clock.now = until);
    return drainer.drain(Set.of("s"), START.plus(budget), (session, step) -> {});
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
    QueueDrainer.DrainReport report = drain(delivery, Duration.ofMinutes(1));

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

    QueueDrainer.DrainReport report = drain(delivery, Duration.ofMinutes(1));

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

    QueueDrainer.DrainReport report = drain(delivery, Duration.ofMinutes(1));

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

    QueueDrainer.DrainReport report = drain(delivery, Duration.ofMinutes(1));

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

    QueueDrainer.DrainReport report = drain(delivery, Duration.ofMinutes(1));

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
