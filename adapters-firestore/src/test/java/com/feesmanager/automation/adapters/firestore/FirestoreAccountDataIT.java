package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.contract.AccountDataContract;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account data contract against Firestore (the emulator), seeded by the importer. */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator(
    value = "nested-field filters (users where automation.enabled == true)",
    tests = {
      "enabledAccounts_listsOnlyAccountsWithAutomationEnabled",
      "enabledAccounts_reportsABrokenAccount_andServesTheOthers"
    })
class FirestoreAccountDataIT extends AccountDataContract {

  private static final Map<AccountDefaults, FirestoreConnection> CONNECTIONS = new HashMap<>();

  @AfterAll
  static void close() {
    CONNECTIONS.values().forEach(FirestoreConnection::close);
    CONNECTIONS.clear();
  }

  FirestoreConnection open(FirestoreConfig config, AccountDefaults defaults) {
    return FirestoreConnection.open(config, defaults, Clock.systemUTC());
  }

  @Override
  protected AccountData newAccountData(
      List<Map<String, Object>> accountFiles, AccountDefaults defaults) {
    FirestoreConnection connection =
        CONNECTIONS.computeIfAbsent(
            defaults, d -> open(FirestoreEmulatorExtension.emulator().config(), d));
    accountFiles.forEach(connection.importer()::importAccount);
    return new AccountData(
        connection.accountDirectory(), connection.ruleSource(), connection.studentDirectory());
  }
}
