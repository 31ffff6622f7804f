package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 10: one 30 s budget shared by every stop step, never a fresh wait per step. */
class StopBudgetTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final StopBudget budget = StopBudget.start(nanos::get);

  private void pass(Duration time) {
    nanos.addAndGet(time.toNanos());
  }

  @Test
  void atTheStart_eachStepHasUntilItsMark_andTheProcessHaltsBeforeThirtySeconds() {
    assertThat(budget.forWork()).isEqualTo(Duration.ofSeconds(22));
    assertThat(budget.forInterrupted()).isEqualTo(Duration.ofSeconds(24));
    assertThat(budget.forFlush()).isEqualTo(Duration.ofSeconds(27));
    assertThat(budget.beforeHalt()).isEqualTo(Duration.ofSeconds(29)).isLessThan(StopBudget.TOTAL);
  }

  @Test
  void aSlowStep_leavesTheLaterStepsOnlyWhatIsLeft() {
    // when the workers took 23 s to finish their step
    pass(Duration.ofSeconds(23));

    // then the work has nothing left, and the flush gets 4 s, not a fresh 10 s
    assertThat(budget.forWork()).isZero();
    assertThat(budget.forInterrupted()).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.forFlush()).isEqualTo(Duration.ofSeconds(4));
    assertThat(budget.beforeHalt()).isEqualTo(Duration.ofSeconds(6));

    // and once spent, nothing waits at all
    pass(Duration.ofSeconds(10));
    assertThat(budget.beforeHalt()).isZero();
  }
}
