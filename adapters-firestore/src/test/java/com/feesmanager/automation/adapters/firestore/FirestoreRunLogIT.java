package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.contract.RunLogContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
