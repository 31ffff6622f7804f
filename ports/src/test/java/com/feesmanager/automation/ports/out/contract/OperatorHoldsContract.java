package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.OperatorHolds;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of operator holds does (SPEC §8): per account, first instant kept. */
public abstract class OperatorHoldsContract {

  protected static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

  /** An adapter; tests use unique account ids, so it may share its store with other tests. */
  protected abstract OperatorHolds newHolds();

  private OperatorHolds holds;
  private String uid;
  private String other;

  @BeforeEach
  void newHoldsAndAccounts() {
    holds = newHolds();
    uid = Unique.name("uid");
    other = Unique.name("uid");
  }

  @Test
  void an_account_nobody_held_is_not_held() {
    assertThat(holds.heldSince(uid)).isEmpty();
  }

  @Test
  void a_held_account_is_held_since_then_and_no_other_account_is() {
    // when
    holds.hold(uid, T0);

    // then
    assertThat(holds.heldSince(uid)).contains(T0);
    assertThat(holds.heldSince(other)).isEmpty();
  }

  @Test
  void holding_again_keeps_the_first_instant() {
    // given
    holds.hold(uid, T0);

    // when
    holds.hold(uid, T0.plusSeconds(600));

    // then
    assertThat(holds.heldSince(uid)).contains(T0);
  }

  @Test
  void a_released_account_is_held_no_more_and_can_be_held_again() {
    // given
    holds.hold(uid, T0);
    holds.hold(other, T0);

    // when
    holds.release(uid);
    holds.release(Unique.name("never-held"));

    // then
    assertThat(holds.heldSince(uid)).isEmpty();
    assertThat(holds.heldSince(other)).contains(T0);
    holds.hold(uid, T0.plusSeconds(60));
    assertThat(holds.heldSince(uid)).contains(T0.plusSeconds(60));
  }

  @Test
  void a_second_handle_on_the_same_store_sees_the_hold() {
    // given
    OperatorHolds elsewhere = newHolds();

    // when
    holds.hold(uid, T0);

    // then
    assertThat(elsewhere.heldSince(uid)).contains(T0);
  }
}
