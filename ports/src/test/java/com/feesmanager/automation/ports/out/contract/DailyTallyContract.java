package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DailyTally.Outcome;
import com.feesmanager.automation.ports.out.Heartbeat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every daily tally does: per account, per local day, per outcome, safe under races. */
public abstract class DailyTallyContract {

  protected static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  /** An adapter; tests use unique uids, so it may share its store with other tests. */
  protected abstract DailyTally newTally();

  private DailyTally tally;
  private String uid;

  @BeforeEach
  void newTallyAndAccount() {
    tally = newTally();
    uid = Unique.name("academy");
  }

  @Test
  void nothing_counted_reads_as_zeros() {
    assertThat(tally.counts(uid, DAY)).isEqualTo(new Heartbeat.DayCounts(0, 0, 0));
  }

  @Test
  void counts_each_outcome_for_the_day() {
    tally.count(uid, DAY, Outcome.SENT);
    tally.count(uid, DAY, Outcome.SENT);
    tally.count(uid, DAY, Outcome.FAILED);
    tally.count(uid, DAY, Outcome.SKIPPED);

    assertThat(tally.counts(uid, DAY)).isEqualTo(new Heartbeat.DayCounts(2, 1, 1));
  }

  @Test
  void days_and_accounts_are_counted_apart() {
    String other = Unique.name("academy");
    tally.count(uid, DAY, Outcome.SENT);
    tally.count(uid, DAY.plusDays(1), Outcome.SENT);
    tally.count(other, DAY, Outcome.FAILED);

    assertThat(tally.counts(uid, DAY)).isEqualTo(new Heartbeat.DayCounts(1, 0, 0));
    assertThat(tally.counts(uid, DAY.plusDays(1))).isEqualTo(new Heartbeat.DayCounts(1, 0, 0));
    assertThat(tally.counts(other, DAY)).isEqualTo(new Heartbeat.DayCounts(0, 1, 0));
  }

  @Test
  void concurrent_counts_are_all_kept() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 250; i++) {
                  tally.count(uid, DAY, Outcome.SENT);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(tally.counts(uid, DAY).sent()).isEqualTo(1000);
  }
}
