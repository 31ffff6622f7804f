package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a tick with nothing due asks of Firestore, in REST-first mode, in a JVM of its own (run by
 * {@link RestFirstClassLoadingIT}): the enabled accounts, then per account its rules, its last
 * heartbeat and a new one; then flush and close. Arguments: the emulator's host:port, the project.
 * Prints {@code accounts=N rules=M grpc=false}; exits 1 when the heartbeats are not written.
 */
public final class RestFirstTick {

  private RestFirstTick() {}

  public static void main(String[] args) {
    int rules = 0;
    boolean grpc;
    AccountScan scan;
    try (FirestoreConnection firestore =
        FirestoreConnection.openRestFirst(
            FirestoreConfig.emulator(args[0], args[1]), AccountDefaults.SPEC, Clock.systemUTC())) {
      // the runner's wiring hands every port out up front; a tick with nothing due calls these not
      firestore.studentDirectory();
      firestore.deliveryLog();
      firestore.runLog();
      firestore.sessionBindings();
      scan = firestore.accountDirectory().enabledAccounts();
      for (AccountSettings account : scan.accounts()) {
        rules += firestore.ruleSource().rules(account.uid()).rules().size();
        firestore.statusBoard().last(account.uid());
        firestore.statusBoard().publish(account.uid(), aHeartbeat().at(Instant.now()).build());
      }
      if (!firestore.flush(Duration.ofSeconds(20))) {
        System.err.println("heartbeats not written");
        System.exit(1);
      }
      grpc = firestore.grpcBuilt();
    }
    System.out.println("accounts=" + scan.accounts().size() + " rules=" + rules + " grpc=" + grpc);
  }
}
