package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.RunSummaryBuilder.aRunSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.contract.RunLogContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The RunLog contract against Firestore (the emulator). */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreRunLogIT extends RunLogContract {

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

  @Override
  protected RunLog newRunLog() {
    return connection.runLog();
  }

  @Test
  void find_readsARecordWrittenByAnotherProcess() {
    // given a record written and flushed by one process
    String uid = "academy-" + java.util.UUID.randomUUID();
    RunSummary written =
        aRunSummary().forAccount(uid).forOccurrence("2026-10-31T10:00").withError("MISSED").build();
    connection.runLog().record(written);
    assertThat(connection.flush(Duration.ofSeconds(10))).isTrue();

    // when another process (nothing of its own waiting) looks it up
    try (FirestoreConnection other =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      // then
      assertThat(other.runLog().find(uid, written.ruleId(), "2026-10-31T10:00")).contains(written);
      assertThat(other.runLog().find(uid, written.ruleId(), "2026-11-30T10:00")).isEmpty();
    }
  }
}
