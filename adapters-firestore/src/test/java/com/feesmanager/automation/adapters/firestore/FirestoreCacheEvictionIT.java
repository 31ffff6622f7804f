package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.student;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, bounded memory: the read cache keeps the rules and students of enabled accounts only;
 * an account the owner switches off (or deletes) leaves it at the next scan of enabled accounts.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
class FirestoreCacheEvictionIT {

  @Test
  void anAccountSwitchedOff_leavesTheCacheAtTheNextScan_andIsNotCachedAgain() throws Exception {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    Calls calls =
        new Calls(Duration.ofSeconds(10), 3, Duration.ofMillis(100), Duration.ofMillis(1));
    ReadCache cache = new ReadCache(Clock.systemUTC(), Duration.ofHours(1));
    try (FirestoreConnection connection =
            FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC());
        Firestore webApp = emulator.documentsClient()) {
      RestAccountDirectory accounts =
          new RestAccountDirectory(connection.rest(), calls, cache, AccountDefaults.SPEC);
      RestRuleSource rules = new RestRuleSource(connection.rest(), calls, cache);
      FirestoreStudentDirectory students =
          new FirestoreStudentDirectory(
              connection.rest(), calls, cache, Duration.ofMinutes(5), Duration.ofSeconds(10));
      // given two enabled accounts whose rules and students were read (and cached)
      String kept = Unique.name("academy");
      String switchedOff = Unique.name("academy");
      for (String uid : List.of(kept, switchedOff)) {
        connection.importer().importAccount(account(uid));
      }
      assertThat(accounts.enabledAccounts().accounts())
          .extracting(AccountSettings::uid)
          .contains(kept, switchedOff);
      for (String uid : List.of(kept, switchedOff)) {
        rules.rules(uid);
        students.forEachStudent(uid, s -> {});
        assertThat(cache.holds("students/" + uid)).isTrue();
        assertThat(cache.holds("rules/" + uid)).isTrue();
      }

      // when the owner switches one off, and the enabled accounts are scanned again
      webApp
          .document("users/" + switchedOff)
          .update(Map.of("automation.enabled", false))
          .get(10, TimeUnit.SECONDS);
      assertThat(accounts.enabledAccounts().accounts())
          .extracting(AccountSettings::uid)
          .contains(kept)
          .doesNotContain(switchedOff);

      // then its copies are gone, the other account's stay
      assertThat(cache.holds("students/" + switchedOff)).isFalse();
      assertThat(cache.holds("rules/" + switchedOff)).isFalse();
      assertThat(cache.holds("students/" + kept)).isTrue();
      assertThat(cache.holds("rules/" + kept)).isTrue();

      // and reading its data (a message still queued for it) keeps no copy
      students.forEachStudent(switchedOff, s -> {});
      accounts.account(switchedOff);
      assertThat(cache.holds("students/" + switchedOff)).isFalse();
      assertThat(cache.holds("account/" + switchedOff)).isFalse();
    }
  }

  private static Map<String, Object> account(String uid) {
    return anAccountFile(uid)
        .withStudent(
            "stu-001",
            student(
                "Ali Raza",
                "Class 6",
                "0300-1234567",
                List.of(fee("2026-11", 4000, 0, "2026-11-10"))))
        .withTemplate("t", "T", "Dear {guardianName|Parent}")
        .withRule(
            "daily", doc("schedule", doc("frequency", "DAILY", "time", "10:00"), "templateId", "t"))
        .build();
  }
}
