package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTurnsTest {

  private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final AtomicInteger mostAtOnceInOneSession = new AtomicInteger();
  private volatile boolean stopping;
  private SessionTurns sessionTurns;

  /** A session that always has more to send: it only stops when told to yield or to stop. */
  private void busy(String session, java.util.function.BooleanSupplier yieldNow) {
    turns.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
    int now = running.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
    mostAtOnceInOneSession.accumulateAndGet(now, Math::max);
    try {
      while (!stopping && !yieldNow.getAsBoolean()) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.get(session).decrementAndGet();
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    stopping = true;
    if (sessionTurns != null) {
      sessionTurns.shutdown();
      assertThat(sessionTurns.awaitTermination(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void more_busy_sessions_than_slots_all_get_turns_one_at_a_time_each() throws Exception {
    // given two slots and five sessions that never run out of messages
    sessionTurns = new SessionTurns(2, Duration.ofMillis(50), Clock.systemUTC(), this::busy);
    List<String> sessions = List.of("s1", "s2", "s3", "s4", "s5");

    // when every session is offered (again and again, as each minute check does)
    for (int round = 0; round < 3; round++) {
      sessions.forEach(sessionTurns::offer);
    }

    // then each gets turns in rotation, never two at once for one session
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!sessions.stream().allMatch(s -> turns.containsKey(s) && turns.get(s).get() >= 2)) {
      assertThat(System.nanoTime()).as("turns so far: %s", turns).isLessThan(deadline);
      Thread.sleep(10);
    }
    assertThat(mostAtOnceInOneSession.get()).isEqualTo(1);
    assertThat(sessionTurns.scheduled()).containsExactlyInAnyOrderElementsOf(sessions);
  }

  @Test
  void a_busy_session_keeps_its_slot_while_nobody_waits() throws Exception {
    sessionTurns = new SessionTurns(2, Duration.ofMillis(10), Clock.systemUTC(), this::busy);

    sessionTurns.offer("s1");
    sessionTurns.offer("s2");
    Thread.sleep(300);

    assertThat(turns.get("s1").get()).isEqualTo(1);
    assertThat(turns.get("s2").get()).isEqualTo(1);
  }

  @Test
  void a_session_whose_turn_ends_by_itself_can_be_offered_again() throws Exception {
    CountDownLatch twice = new CountDownLatch(2);
    sessionTurns =
        new SessionTurns(
            1,
            Duration.ofSeconds(30),
            Clock.systemUTC(),
            (session, yieldNow) -> twice.countDown()); // idle: returns at once

    sessionTurns.offer("s1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!sessionTurns.scheduled().isEmpty()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
    sessionTurns.offer("s1");

    assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_failing_turn_frees_the_session() throws Exception {
    sessionTurns =
        new SessionTurns(
            1,
            Duration.ofSeconds(30),
            Clock.systemUTC(),
            (session, yieldNow) -> {
              throw new IllegalStateException("boom");
            });

    sessionTurns.offer("s1");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!sessionTurns.scheduled().isEmpty()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
