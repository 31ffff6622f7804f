package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.SessionBindings.Binding;
import com.feesmanager.automation.ports.out.SessionBindings.Bound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every session-binding store does (SPEC §6): the first account to send through a session
 * holds it, every other account is refused, and only the operator's rebind moves it.
 */
public abstract class SessionBindingsContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  /** An adapter; tests use unique session names, so it may share its store with other tests. */
  protected abstract SessionBindings newBindings();

  private SessionBindings bindings;
  private String session;
  private final String academy1 = Unique.name("academy");
  private final String academy2 = Unique.name("academy");

  @BeforeEach
  void newBindingsAndSession() {
    bindings = newBindings();
    session = Unique.name("session");
  }

  @Test
  void theFirstAccountToSend_isBoundToAFreeSession() {
    // when
    Binding first = bindings.bind(session, academy1, T0);
    Binding again = bindings.bind(session, academy1, T0.plusSeconds(60));

    // then the binding keeps the instant it was made
    assertThat(first).isEqualTo(new Binding.Mine());
    assertThat(again).isEqualTo(new Binding.Mine());
    assertThat(bindings.boundTo(session)).contains(new Bound(academy1, T0));
  }

  @Test
  void anotherAccount_namingABoundSession_isRefused_andLearnsWhoHoldsIt() {
    // given
    bindings.bind(session, academy1, T0);

    // when
    Binding other = bindings.bind(session, academy2, T0.plusSeconds(5));

    // then
    assertThat(other).isEqualTo(new Binding.Taken(academy1, T0));
    assertThat(bindings.boundTo(session)).contains(new Bound(academy1, T0));
  }

  @Test
  void aSessionNoAccountSentThrough_isBoundToNone() {
    assertThat(bindings.boundTo(session)).isEmpty();
  }

  @Test
  void warmingAFreeSession_bindsNothing_theFirstSendStillBindsIt() {
    // when the minute's preparation warms a session no account has sent through
    bindings.warm(session, T0);

    // then it is still free, and the first account to send is bound to it
    assertThat(bindings.boundTo(session)).isEmpty();
    assertThat(bindings.bind(session, academy2, T0.plusSeconds(5))).isEqualTo(new Binding.Mine());
    assertThat(bindings.boundTo(session)).contains(new Bound(academy2, T0.plusSeconds(5)));
  }

  @Test
  void warmingABoundSession_changesNothing() {
    // given
    bindings.bind(session, academy1, T0);

    // when
    bindings.warm(session, T0.plusSeconds(55));

    // then
    assertThat(bindings.bind(session, academy2, T0.plusSeconds(60)))
        .isEqualTo(new Binding.Taken(academy1, T0));
    assertThat(bindings.boundTo(session)).contains(new Bound(academy1, T0));
  }

  @Test
  void rebind_movesTheSession_toTheNamedAccount_fromThatInstant() {
    // given
    bindings.bind(session, academy1, T0);
    Instant rebound = T0.plusSeconds(3600);

    // when
    bindings.rebind(session, academy2, rebound);

    // then the new account sends, the former one is refused
    assertThat(bindings.bind(session, academy2, rebound.plusSeconds(1)))
        .isEqualTo(new Binding.Mine());
    assertThat(bindings.bind(session, academy1, rebound.plusSeconds(2)))
        .isEqualTo(new Binding.Taken(academy2, rebound));
    assertThat(bindings.boundTo(session)).contains(new Bound(academy2, rebound));
  }

  @Test
  void rebind_toTheAccountAlreadyBound_keepsItsInstant() {
    // given
    bindings.bind(session, academy1, T0);

    // when
    bindings.rebind(session, academy1, T0.plusSeconds(3600));

    // then
    assertThat(bindings.boundTo(session)).contains(new Bound(academy1, T0));
  }

  @Test
  void rebind_ofASessionNeverBound_bindsIt() {
    // when
    bindings.rebind(session, academy2, T0);

    // then
    assertThat(bindings.boundTo(session)).contains(new Bound(academy2, T0));
    assertThat(bindings.bind(session, academy1, T0.plusSeconds(1)))
        .isEqualTo(new Binding.Taken(academy2, T0));
  }

  @Test
  void sessions_areIndependent() {
    // given
    bindings.bind(session, academy1, T0);

    // when
    Binding elsewhere = bindings.bind(Unique.name("session"), academy2, T0.plusSeconds(1));

    // then
    assertThat(elsewhere).isEqualTo(new Binding.Mine());
  }

  @Test
  void accountsRacingForAFreeSession_exactlyOneIsBound() throws Exception {
    // given eight accounts asking at the same moment, each through its own adapter (process)
    List<Callable<Binding>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      SessionBindings own = newBindings();
      String uid = Unique.name("academy");
      racers.add(() -> own.bind(session, uid, T0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers.size());
    List<Binding> answers = new ArrayList<>();
    try {
      // when
      for (Future<Binding> answer : pool.invokeAll(racers)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }

    // then one is bound, the other seven are told who holds it
    assertThat(answers).filteredOn(Binding.Mine.class::isInstance).hasSize(1);
    Bound holder = bindings.boundTo(session).orElseThrow();
    assertThat(answers)
        .filteredOn(Binding.Taken.class::isInstance)
        .hasSize(7)
        .allSatisfy(
            taken -> assertThat(((Binding.Taken) taken).boundUid()).isEqualTo(holder.uid()));
  }
}
