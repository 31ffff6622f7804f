package com.feesmanager.automation.ports.out.contract;

import static com.feesmanager.automation.ports.out.contract.RunSummaryBuilder.aRunSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every run log does (SPEC §1.5 {@code automationRuns}): one summary per run id. */
public abstract class RunLogContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  /** An adapter; tests use unique uids, so it may share its store with other tests. */
  protected abstract RunLog newRunLog();

  private RunLog runLog;
  private String uid;

  @BeforeEach
  void newRunLogAndAccount() {
    runLog = newRunLog();
    uid = Unique.name("academy");
  }

  private RunSummary firedOnDay(int day) {
    return aRunSummary()
        .forAccount(uid)
        .forOccurrence("2026-11-%02dT10:00".formatted(day))
        .firedAt(T0.plus(Duration.ofDays(day - 10L)))
        .build();
  }

  @Test
  void recordingTheSameSummaryTwice_isHarmless() {
    // given
    RunSummary summary = firedOnDay(10);

    // when
    runLog.record(summary);
    runLog.record(summary);

    // then
    assertThat(runLog.recent(uid, 10)).containsExactly(summary);
  }

  @Test
  void recent_listsTheMostRecentFirst_uptoTheLimit() {
    // given recorded out of order
    RunSummary tenth = firedOnDay(10);
    RunSummary eleventh = firedOnDay(11);
    RunSummary twelfth = firedOnDay(12);
    runLog.record(eleventh);
    runLog.record(twelfth);
    runLog.record(tenth);

    // when
    List<RunSummary> two = runLog.recent(uid, 2);
    List<RunSummary> all = runLog.recent(uid, 10);

    // then
    assertThat(two).containsExactly(twelfth, eleventh);
    assertThat(all).containsExactly(twelfth, eleventh, tenth);
  }

  @Test
  void accounts_areIndependent() {
    // given
    RunSummary mine = firedOnDay(10);
    String otherUid = Unique.name("academy");
    RunSummary theirs = aRunSummary().forAccount(otherUid).withError("RULE_INVALID").build();

    // when
    runLog.record(mine);
    runLog.record(theirs);

    // then
    assertThat(runLog.recent(uid, 10)).containsExactly(mine);
    assertThat(runLog.recent(otherUid, 10)).containsExactly(theirs);
    assertThat(runLog.recent(Unique.name("academy"), 10)).isEmpty();
  }

  @Test
  void find_returnsTheRecordOfThatOccurrence_writtenOrStillWaiting() {
    // given
    RunSummary tenth = firedOnDay(10);
    RunSummary missed = aRunSummary().forAccount(uid).ofRule("monthly").withError("MISSED").build();
    runLog.record(tenth);
    runLog.record(missed);

    // when / then
    assertThat(runLog.find(uid, tenth.ruleId(), tenth.occurrence())).contains(tenth);
    assertThat(runLog.find(uid, "monthly", missed.occurrence())).contains(missed);
  }

  @Test
  void find_isEmpty_forAnotherOccurrenceRuleOrAccount() {
    // given
    RunSummary tenth = firedOnDay(10);
    runLog.record(tenth);

    // when / then
    assertThat(runLog.find(uid, tenth.ruleId(), "2026-11-11T10:00")).isEmpty();
    assertThat(runLog.find(uid, "another-rule", tenth.occurrence())).isEmpty();
    assertThat(runLog.find(Unique.name("academy"), tenth.ruleId(), tenth.occurrence())).isEmpty();
  }
}
