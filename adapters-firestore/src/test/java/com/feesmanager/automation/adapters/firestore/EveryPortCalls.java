package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;
import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static com.feesmanager.automation.ports.out.contract.RunSummaryBuilder.aRunSummary;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every kind of call the daemon makes on Firestore, in a JVM of its own (run by {@link
 * RestOnlyClassLoadingIT}): the enabled accounts, then per account its rules, its students, one
 * student, its last heartbeat and a new one, a message log queued then sent (written behind, then
 * through), looked up by key, by provider id and among the latest, a run record and the recent
 * runs, a session bound and rebound; then flush and close. Arguments: the emulator's host:port, the
 * project, and the accounts to call for (other tests' accounts share the emulator). Prints {@code
 * accounts=N rules=M students=S grpc=false}; exits 1 when the writes are not committed.
 */
public final class EveryPortCalls {

  private EveryPortCalls() {}

  public static void main(String[] args) {
    int rules = 0;
    AtomicInteger students = new AtomicInteger();
    boolean grpc;
    AccountScan scan;
    Instant now = Instant.now();
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreConfig.emulator(args[0], args[1]), AccountDefaults.SPEC, Clock.systemUTC())) {
      scan = firestore.accountDirectory().enabledAccounts();
      List<String> mine = List.of(args).subList(2, args.length);
      for (AccountSettings account : scan.accounts()) {
        String uid = account.uid();
        if (!mine.contains(uid)) {
          continue;
        }
        rules += firestore.ruleSource().rules(uid).rules().size();
        firestore.studentDirectory().forEachStudent(uid, student -> students.incrementAndGet());
        firestore.studentDirectory().student(uid, "stu-001");
        firestore.statusBoard().last(uid);
        firestore.statusBoard().publish(uid, aHeartbeat().at(now).build());
        MessageLog queued = aMessageLog().forAccount(uid).queuedAt(now).build();
        firestore.deliveryLog().record(queued);
        firestore
            .deliveryLog()
            .record(
                aMessageLog()
                    .forAccount(uid)
                    .withKey(queued.key())
                    .queuedAt(now)
                    .withStatus(MessageStatus.SENT)
                    .withProviderMessageId("wamid-" + uid)
                    .build());
        firestore.deliveryLog().find(uid, queued.key());
        firestore.deliveryLog().findByProviderMessageId("wamid-" + uid);
        firestore.deliveryLog().latest(uid, 5);
        firestore.runLog().record(aRunSummary().forAccount(uid).firedAt(now).build());
        firestore.runLog().recent(uid, 5);
        firestore.sessionBindings().bind("session-" + uid, uid, now);
        firestore.sessionBindings().rebind("session-" + uid, uid + "-other", now);
        firestore.sessionBindings().boundTo("session-" + uid);
      }
      if (!firestore.flush(Duration.ofSeconds(20))) {
        System.err.println("writes not committed");
        System.exit(1);
      }
      grpc = firestore.grpcBuilt();
    }
    System.out.println(
        "accounts="
            + scan.accounts().size()
            + " rules="
            + rules
            + " students="
            + students.get()
            + " grpc="
            + grpc);
  }
}
