package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.SessionBindings.Binding;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.contract.SessionBindingsContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SessionBindings contract against Firestore (the emulator), and what its cache promises. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreSessionBindingsIT extends SessionBindingsContract {

  private static FirestoreConnection connection;

  @BeforeAll
  static void connect() {
    connection =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  /** A fresh adapter (own cache) over the shared client, as another process would have. */
  @Override
  protected SessionBindings newBindings() {
    return new FirestoreSessionBindings(
        connection.rest(),
        new Calls(Duration.ofSeconds(10), 3, Duration.ofMillis(50), Duration.ofMillis(1)));
  }

  @Test
  void theFirstBind_writesTheDocumentTheSpecNames() throws Exception {
    // given
    String session = Unique.name("session");

    // when
    newBindings().bind(session, "academy-1", T0);

    // then
    Map<String, Object> stored =
        connection
            .firestore()
            .collection("automationSessions")
            .document(session)
            .get()
            .get()
            .getData();
    assertThat(stored)
        .isEqualTo(Map.of("uid", "academy-1", "boundAt", Timestamp.parseTimestamp(T0.toString())));
  }

  @Test
  void aRebindInAnotherProcess_isSeenOnceTheCachedAnswerIsOld() {
    // given a sending process that has bound and cached the session
    String session = Unique.name("session");
    SessionBindings sender = newBindings();
    sender.bind(session, "academy-1", T0);

    // when the operator rebinds it from another process
    newBindings().rebind(session, "academy-2", T0.plusSeconds(5));

    // then the sender still answers from its cache for a moment, then reads the new binding
    assertThat(sender.bind(session, "academy-1", T0.plusSeconds(10))).isEqualTo(new Binding.Mine());
    assertThat(
            sender.bind(
                session, "academy-1", T0.plus(FirestoreSessionBindings.CACHE_AGE).plusSeconds(1)))
        .isEqualTo(new Binding.Taken("academy-2", T0.plusSeconds(5)));
  }

  @Test
  void warming_readsTheBindingAhead_soTheMinutesFirstSendReadsNothing() {
    // given a session bound long ago (another process), and a sender that has not read it yet
    String session = Unique.name("session");
    newBindings().bind(session, "academy-1", T0);
    SessionBindings sender = newBindings();

    // when the sender warms it in the minute's preparation, and a rebind follows in between
    sender.warm(session, T0.plusSeconds(55));
    newBindings().rebind(session, "academy-2", T0.plusSeconds(56));

    // then the minute's send is answered from what the warming read (no read: the rebind is
    // seen once that answer is CACHE_AGE old, as for any cached answer)
    assertThat(sender.bind(session, "academy-1", T0.plusSeconds(60))).isEqualTo(new Binding.Mine());
    assertThat(
            sender.bind(
                session,
                "academy-1",
                T0.plusSeconds(55).plus(FirestoreSessionBindings.CACHE_AGE).plusSeconds(1)))
        .isEqualTo(new Binding.Taken("academy-2", T0.plusSeconds(56)));
  }

  @Test
  void aSessionWarmedFree_thenBoundByAnotherAccount_isNotTakenOver() {
    // given a sender that warmed a free session, which another account then binds
    String session = Unique.name("session");
    SessionBindings sender = newBindings();
    sender.warm(session, T0.plusSeconds(55));
    newBindings().bind(session, "academy-2", T0.plusSeconds(56));

    // when the sender's account sends through it at the minute
    Binding mine = sender.bind(session, "academy-1", T0.plusSeconds(60));

    // then the creating transaction read the binding again: exactly one account holds the session
    assertThat(mine).isEqualTo(new Binding.Taken("academy-2", T0.plusSeconds(56)));
    assertThat(newBindings().boundTo(session))
        .contains(new SessionBindings.Bound("academy-2", T0.plusSeconds(56)));
  }

  @Test
  void warming_aDocumentNotWrittenByTheBackend_leavesItToTheSendToReport() throws Exception {
    // given
    String session = Unique.name("session");
    connection
        .firestore()
        .collection("automationSessions")
        .document(session)
        .set(Map.of("uid", 42))
        .get();
    SessionBindings sender = newBindings();

    // when
    sender.warm(session, T0);

    // then
    assertThatThrownBy(() -> sender.bind(session, "academy-1", T0.plusSeconds(1)))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("session rebind");
  }

  @Test
  void aDocumentNotWrittenByTheBackend_isReported_notGuessedAt() throws Exception {
    // given
    String session = Unique.name("session");
    connection
        .firestore()
        .collection("automationSessions")
        .document(session)
        .set(Map.of("uid", 42))
        .get();

    // when / then
    assertThatThrownBy(() -> newBindings().bind(session, "academy-1", T0))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("automationSessions/" + session)
        .hasMessageContaining("session rebind");
  }

  @Test
  void aRebind_repairsADocumentNotWrittenByTheBackend() throws Exception {
    // given
    String session = Unique.name("session");
    connection
        .firestore()
        .collection("automationSessions")
        .document(session)
        .set(Map.of("uid", "academy-1"))
        .get();

    // when
    newBindings().rebind(session, "academy-1", T0);

    // then
    assertThat(newBindings().bind(session, "academy-1", T0.plusSeconds(1)))
        .isEqualTo(new Binding.Mine());
  }
}
