package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.contract.DeliveryLogContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DeliveryLog contract against Firestore (the emulator). */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreDeliveryLogIT extends DeliveryLogContract {

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
  protected DeliveryLog newLog() {
    return connection.deliveryLog();
  }
}
