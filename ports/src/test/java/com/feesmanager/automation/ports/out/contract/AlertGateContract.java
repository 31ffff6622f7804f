package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.AlertGate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every alert gate does (SPEC §8): one pass per event kind and account per window, the window
 * counted from the last pass; other events and accounts are independent.
 */
public abstract class AlertGateContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  protected static final Duration WINDOW = Duration.ofMinutes(15);

  /** An adapter; tests use unique event names, so it may share its store with other tests. */
  protected abstract AlertGate newGate();

  private AlertGate gate;
  private String event;

  @BeforeEach
  void newGateAndEvent() {
    gate = newGate();
    event = Unique.name("EVENT");
  }

  @Test
  void theFirstAlertPasses_theSameWithinTheWindowDoesNot_thenItPassesAgain() {
    // when
    boolean first = gate.tryPass(event, "a1", WINDOW, T0);
    boolean aMinuteLater = gate.tryPass(event, "a1", WINDOW, T0.plus(Duration.ofMinutes(1)));
    boolean justBeforeTheEnd = gate.tryPass(event, "a1", WINDOW, T0.plus(WINDOW).minusMillis(1));
    boolean atTheEnd = gate.tryPass(event, "a1", WINDOW, T0.plus(WINDOW));

    // then
    assertThat(first).isTrue();
    assertThat(aMinuteLater).isFalse();
    assertThat(justBeforeTheEnd).isFalse();
    assertThat(atTheEnd).isTrue();
  }

  @Test
  void aRefusedAlert_doesNotExtendTheWindow() {
    // given
    gate.tryPass(event, "a1", WINDOW, T0);
    gate.tryPass(event, "a1", WINDOW, T0.plus(Duration.ofMinutes(10)));

    // when
    boolean afterTheWindowOfTheFirst = gate.tryPass(event, "a1", WINDOW, T0.plus(WINDOW));

    // then
    assertThat(afterTheWindowOfTheFirst).isTrue();
  }

  @Test
  void otherEventsAndOtherAccounts_areNotHeldBack_andProcessWideEventsHaveTheirOwnWindow() {
    // given
    gate.tryPass(event, "a1", WINDOW, T0);

    // when
    boolean otherAccount = gate.tryPass(event, "a2", WINDOW, T0);
    boolean otherEvent = gate.tryPass(event + "_OTHER", "a1", WINDOW, T0);
    boolean processWide = gate.tryPass(event, "", WINDOW, T0);
    boolean processWideAgain = gate.tryPass(event, "", WINDOW, T0.plusSeconds(1));

    // then
    assertThat(otherAccount).isTrue();
    assertThat(otherEvent).isTrue();
    assertThat(processWide).isTrue();
    assertThat(processWideAgain).isFalse();
  }

  @Test
  void aPassRecordedByAClockAhead_holdsBackAnEarlierInstantToo() {
    // given another process, its clock a minute ahead, let the alert pass
    gate.tryPass(event, "a1", WINDOW, T0.plus(Duration.ofMinutes(1)));

    // when
    boolean behind = gate.tryPass(event, "a1", WINDOW, T0);

    // then
    assertThat(behind).isFalse();
  }
}
