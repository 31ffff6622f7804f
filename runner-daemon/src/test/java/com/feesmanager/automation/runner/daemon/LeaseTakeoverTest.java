package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemorySessionLeases;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.SessionLeases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseTakeoverTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(15);
  private static final Duration WPP_TIMEOUT = Duration.ofSeconds(30);

  private final InMemorySessionLeases leases = new InMemorySessionLeases();
  private final InMemoryMessageQueue queue =
      new InMemoryMessageQueue(Duration.ofMinutes(2), Duration.ofDays(14));
  private final LeaseTakeover takeover =
      new LeaseTakeover(
          leases,
          queue,
          owner -> owner.startsWith("ended"),
          AutomationSettings.sendGraceFor(WPP_TIMEOUT));

  private static QueuedMessage message(String key, Instant at) {
    return new QueuedMessage(
        "uid-1",
        "s",
        "rule-1",
        "Overdue",
        "2026-11-20T10:00",
        new PlannedMessage(
            new MessageKey(key),
            List.of("stu-1"),
            List.of("Student 1"),
            new PhoneNumber("923005550001"),
            "Dear parent, the fee is overdue.",
            List.of()),
        at);
  }

  /** A killed daemon's state: the lease, a message mid-send and the next one claimed ahead. */
  private void killedWhileSending(String holder) {
    queue.enqueue(message("sending", T0), T0);
    queue.enqueue(message("ahead", T0.plusMillis(1)), T0);
    leases.acquire("s", holder, T0, TTL);
    Claim sending = queue.claimNext("s", T0).orElseThrow();
    queue.markSending(sending, T0);
    queue.claimNext("s", T0).orElseThrow();
  }

  @Test
  void the_lease_of_an_ended_holder_is_taken_at_once_and_its_claims_come_back() {
    // given
    killedWhileSending("ended-1@host");
    Instant now = T0.plusSeconds(4);

    // when
    boolean taken = takeover.take("s", "me", now, TTL);

    // then the message claimed ahead goes now; the one mid-send is asked for once surely over
    assertThat(taken).isTrue();
    assertThat(leases.lastHolder("s")).contains("me");
    Claim ahead = queue.claimNext("s", now).orElseThrow();
    assertThat(ahead.message().key()).isEqualTo(new MessageKey("ahead"));
    assertThat(ahead.sendStarted()).isFalse();
    Instant askAt = now.plus(WPP_TIMEOUT.multipliedBy(2));
    assertThat(queue.claimNext("s", askAt.minusSeconds(1))).isEmpty();
    Claim sending = queue.claimNext("s", askAt).orElseThrow();
    assertThat(sending.message().key()).isEqualTo(new MessageKey("sending"));
    assertThat(sending.sendStarted()).isTrue();
  }

  @Test
  void a_live_holder_keeps_its_lease_and_its_claims() {
    // given
    killedWhileSending("alive-2@host");
    Instant now = T0.plusSeconds(4);

    // when
    boolean taken = takeover.take("s", "me", now, TTL);

    // then
    assertThat(taken).isFalse();
    assertThat(leases.lastHolder("s")).contains("alive-2@host");
    assertThat(queue.claimNext("s", T0.plus(Duration.ofMinutes(2)).minusSeconds(1))).isEmpty();
  }

  @Test
  void the_lapsed_lease_of_an_ended_holder_is_taken_and_its_claims_come_back() {
    // given an ended holder whose lease ran out before the restarted daemon asked
    killedWhileSending("ended-3@host");
    Instant later = T0.plus(TTL).plusSeconds(1);

    // when
    boolean taken = takeover.take("s", "me", later, TTL);

    // then as for a live lease: the claim ahead now, the one mid-send once surely over
    assertThat(taken).isTrue();
    assertThat(leases.lastHolder("s")).contains("me");
    assertThat(queue.claimNext("s", later).orElseThrow().message().key())
        .isEqualTo(new MessageKey("ahead"));
    Instant askAt = later.plus(WPP_TIMEOUT.multipliedBy(2));
    assertThat(queue.claimNext("s", askAt.minusSeconds(1))).isEmpty();
    assertThat(queue.claimNext("s", askAt).orElseThrow().message().key())
        .isEqualTo(new MessageKey("sending"));
  }

  @Test
  void a_free_lease_or_the_lapsed_lease_of_a_live_holder_is_left_to_the_ordinary_acquire() {
    // given a holder that may be alive whose lease has run out
    killedWhileSending("alive-4@host");
    Instant later = T0.plus(TTL).plusSeconds(1);

    // then nothing is taken over and the claims keep their timeouts
    assertThat(takeover.take("s", "me", later, TTL)).isFalse();
    assertThat(takeover.take("free", "me", later, TTL)).isFalse();
    assertThat(leases.lastHolder("s")).contains("alive-4@host");
    assertThat(queue.claimNext("s", later)).isEmpty();
  }

  @Test
  void a_worker_refused_the_lease_reads_it_once_whether_it_is_free_lapsed_or_held() {
    // given every lease call the takeover makes, counted (each is one Redis round trip)
    List<String> calls = new ArrayList<>();
    SessionLeases counted =
        (SessionLeases)
            Proxy.newProxyInstance(
                SessionLeases.class.getClassLoader(),
                new Class<?>[] {SessionLeases.class},
                (proxy, method, args) -> {
                  calls.add(method.getName());
                  try {
                    return method.invoke(leases, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    LeaseTakeover counting =
        new LeaseTakeover(
            counted,
            queue,
            owner -> owner.startsWith("ended"),
            AutomationSettings.sendGraceFor(WPP_TIMEOUT));
    leases.acquire("lapsed", "alive-5@host", T0, TTL);
    leases.acquire("held", "alive-6@host", T0, TTL);
    Instant later = T0.plus(TTL).plusSeconds(1);

    // when
    counting.take("free", "me", later, TTL);
    counting.take("lapsed", "me", later, TTL);
    counting.take("held", "me", T0.plusSeconds(1), TTL);

    // then one read each, so a refused worker's poll is that read and its acquire
    assertThat(calls).containsExactly("lastHolder", "lastHolder", "lastHolder");
  }
}
