package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every session-lease store does: one owner at a time, renewable, expiring, releasable. */
public abstract class SessionLeasesContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);

  /** An adapter; tests use unique session names, so it may share its store with other tests. */
  protected abstract SessionLeases newLeases();

  private SessionLeases leases;
  private String session;
  private final String worker1 = Unique.name("worker");
  private final String worker2 = Unique.name("worker");

  @BeforeEach
  void newLeasesAndSession() {
    leases = newLeases();
    session = Unique.name("session");
  }

  @Test
  void anOwner_acquiresAFreeSession_andRenewsItsOwnLease() {
    // when
    boolean acquired = leases.acquire(session, worker1, T0, TTL);
    boolean renewed = leases.acquire(session, worker1, T0.plusSeconds(20), TTL);

    // then the renewal counts from its own instant
    assertThat(acquired).isTrue();
    assertThat(renewed).isTrue();
    assertThat(leases.acquire(session, worker2, T0.plusSeconds(40), TTL)).isFalse();
  }

  @Test
  void anotherOwner_isRefusedWhileTheLeaseIsLive() {
    // given
    leases.acquire(session, worker1, T0, TTL);

    // when
    boolean soon = leases.acquire(session, worker2, T0.plusSeconds(1), TTL);
    boolean late = leases.acquire(session, worker2, T0.plus(TTL).minusSeconds(1), TTL);

    // then
    assertThat(soon).isFalse();
    assertThat(late).isFalse();
  }

  @Test
  void afterTheTtl_anotherOwnerGetsIt_andTheFormerOwnerIsRefused() {
    // given a holder that stopped renewing
    leases.acquire(session, worker1, T0, TTL);
    Instant expired = T0.plus(TTL).plusSeconds(1);

    // when
    boolean takenOver = leases.acquire(session, worker2, expired, TTL);
    boolean formerOwner = leases.acquire(session, worker1, expired.plusSeconds(1), TTL);

    // then
    assertThat(takenOver).isTrue();
    assertThat(formerOwner).isFalse();
  }

  @Test
  void release_byTheHolder_letsAnotherOwnerIn() {
    // given
    leases.acquire(session, worker1, T0, TTL);

    // when
    leases.release(session, worker1);

    // then
    assertThat(leases.acquire(session, worker2, T0.plusSeconds(1), TTL)).isTrue();
  }

  @Test
  void release_byANonHolder_doesNothing() {
    // given
    leases.acquire(session, worker1, T0, TTL);

    // when
    leases.release(session, worker2);

    // then
    assertThat(leases.acquire(session, worker2, T0.plusSeconds(1), TTL)).isFalse();
    assertThat(leases.acquire(session, worker1, T0.plusSeconds(2), TTL)).isTrue();
  }

  @Test
  void lastHolder_isTheOwnerOfALiveOrRunOutLease_andEmptyWhenFreeOrReleased() {
    // given
    Optional<String> free = leases.lastHolder(session);
    leases.acquire(session, worker1, T0, TTL);
    String released = Unique.name("session");
    leases.acquire(released, worker1, T0, TTL);
    leases.release(released, worker1);

    // when
    Optional<String> live = leases.lastHolder(session);
    boolean runOut = leases.acquire(session, worker2, T0.plus(TTL).plusSeconds(1), TTL);
    Optional<String> afterRunOutAndTaken = leases.lastHolder(session);

    // then the owner is named whatever the clock says of its lease; the one who took it after
    assertThat(free).isEmpty();
    assertThat(live).contains(worker1);
    assertThat(leases.lastHolder(released)).isEmpty();
    assertThat(runOut).isTrue();
    assertThat(afterRunOutAndTaken).contains(worker2);
  }

  @Test
  void takeOver_fromTheHolder_givesTheLeaseAtOnce_andTheFormerHolderIsRefused() {
    // given a holder whose process ended long before its lease runs out
    leases.acquire(session, worker1, T0, TTL);
    Instant now = T0.plusSeconds(1);

    // when
    boolean taken = leases.takeOver(session, worker1, worker2, now, TTL);

    // then the lease runs from now, for the new owner only
    assertThat(taken).isTrue();
    assertThat(leases.lastHolder(session)).contains(worker2);
    assertThat(leases.acquire(session, worker1, now.plus(TTL).minusSeconds(1), TTL)).isFalse();
    assertThat(leases.acquire(session, worker2, now.plusSeconds(2), TTL)).isTrue();
  }

  @Test
  void takeOver_fromAnOwnerThatNoLongerHoldsTheLease_changesNothing() {
    // given another worker took the lease after the ended one
    String ended = Unique.name("worker");
    leases.acquire(session, ended, T0, TTL);
    leases.release(session, ended);
    leases.acquire(session, worker1, T0.plusSeconds(1), TTL);

    // when
    boolean taken = leases.takeOver(session, ended, worker2, T0.plusSeconds(2), TTL);
    boolean free = leases.takeOver(Unique.name("session"), ended, worker2, T0.plusSeconds(2), TTL);

    // then
    assertThat(taken).isFalse();
    assertThat(free).isFalse();
    assertThat(leases.lastHolder(session)).contains(worker1);
  }

  @Test
  void takeOver_ofALapsedLease_fromItsLastOwner_givesIt() {
    // given a holder whose lease ran out before anyone asked (a slow restart)
    leases.acquire(session, worker1, T0, TTL);
    Instant now = T0.plus(TTL).plusSeconds(5);
    Optional<String> lapsed = leases.lastHolder(session);

    // when
    boolean taken = leases.takeOver(session, worker1, worker2, now, TTL);

    // then
    assertThat(lapsed).contains(worker1);
    assertThat(taken).isTrue();
    assertThat(leases.lastHolder(session)).contains(worker2);
    assertThat(leases.acquire(session, worker1, now.plusSeconds(1), TTL)).isFalse();
  }

  @Test
  void sessions_areIndependent() {
    // given
    leases.acquire(session, worker1, T0, TTL);

    // when
    boolean otherSession = leases.acquire(Unique.name("session"), worker2, T0.plusSeconds(1), TTL);

    // then
    assertThat(otherSession).isTrue();
  }
}
