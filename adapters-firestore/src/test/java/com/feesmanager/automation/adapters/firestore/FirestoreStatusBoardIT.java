package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.contract.StatusBoardContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The StatusBoard contract against Firestore (the emulator). */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreStatusBoardIT extends StatusBoardContract {

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
  protected StatusBoard newBoard() {
    return connection.statusBoard();
  }
}
