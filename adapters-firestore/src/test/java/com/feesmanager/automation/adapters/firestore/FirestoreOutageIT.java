package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.student;
import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static com.feesmanager.automation.ports.out.contract.RunSummaryBuilder.aRunSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.contract.AccountFileBuilder;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Firestore goes away mid-run (its own emulator, stopped and restarted on the same port): reads are
 * served from the last good copy, writes wait, and land once it is back; past the cache's maximum
 * age the account's reads fail so its occurrences are skipped and reported.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreOutageIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  @Test
  @NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
  void duringAnOutage_readsComeFromTheCache_writesWait_andLandAfterwards() {
    HandClock clock = new HandClock(T0);
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        FirestoreConnection seeder =
            FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC());
        FirestoreConnection connection =
            FirestoreConnection.open(
                emulator
                    .config()
                    .withCallTimeout(Duration.ofSeconds(1))
                    .withCacheMaxAge(Duration.ofMinutes(30)),
                AccountDefaults.SPEC,
                clock)) {
      // given an account read once while Firestore was up
      String uid = Unique.name("academy");
      seeder
          .importer()
          .importAccount(
              anAccountFile(uid)
                  .withStudent(
                      "stu-001",
                      student(
                          "Ali Raza",
                          "Class 6",
                          "0300-1234567",
                          List.of(fee("2026-11", 4000, 0, "2026-11-10"))))
                  .withStudent(
                      "stu-002", student("Sana Malik", "Class 7", "0321-5550123", List.of()))
                  .withTemplate("t", "T", "Dear {guardianName|Parent}")
                  .withRule(
                      "daily",
                      doc(
                          "schedule",
                          doc("frequency", "DAILY", "time", "10:00"),
                          "templateId",
                          "t"))
                  .build());
      AccountScan accounts = connection.accountDirectory().enabledAccounts();
      RuleBook rules = connection.ruleSource().rules(uid);
      List<Mapped<Student>> students = new ArrayList<>();
      connection.studentDirectory().forEachStudent(uid, students::add);
      assertThat(students).hasSize(2);
      assertThat(connection.isReachable(Duration.ofSeconds(5))).isTrue();

      // when Firestore goes away
      emulator.stop();
      // the probe behind readiness and outage alerts sees it, although reads come from the cache
      assertThat(connection.isReachable(Duration.ofSeconds(2))).isFalse();
      clock.now = T0.plus(Duration.ofMinutes(2));
      assertThat(connection.studentDirectory().student(uid, "stu-001"))
          .hasValueSatisfying(found -> assertThat(found.name()).isEqualTo("Ali Raza"));
      clock.now = T0.plus(Duration.ofMinutes(10));

      // then the account keeps its data from the cache
      assertThat(connection.accountDirectory().enabledAccounts()).isEqualTo(accounts);
      assertThat(connection.ruleSource().rules(uid)).isEqualTo(rules);
      List<Mapped<Student>> cached = new ArrayList<>();
      connection.studentDirectory().forEachStudent(uid, cached::add);
      assertThat(cached).isEqualTo(students);
      // the balance re-check is served from the copy only while it is within LEDGER_MAX_AGE
      assertThatThrownBy(() -> connection.studentDirectory().student(uid, "stu-001"))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("LEDGER_MAX_AGE");
      // and writes are accepted at once, readable, and waiting
      List<MessageLog> logs = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        MessageLog log = aMessageLog().forAccount(uid).queuedAt(clock.now).build();
        assertThat(connection.deliveryLog().record(log)).isTrue();
        logs.add(log);
      }
      RunSummary run = aRunSummary().forAccount(uid).firedAt(clock.now).build();
      connection.runLog().record(run);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(connection.deliveryLog().find(uid, logs.get(0).key())).contains(logs.get(0));
      assertThat(connection.pendingWrites()).isEqualTo(21);

      // past FIRESTORE_CACHE_MAX_AGE the account's reads fail, naming the setting
      clock.now = T0.plus(Duration.ofMinutes(31));
      assertThatThrownBy(() -> connection.ruleSource().rules(uid))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("FIRESTORE_CACHE_MAX_AGE");
      assertThatThrownBy(() -> connection.studentDirectory().forEachStudent(uid, s -> {}))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("FIRESTORE_CACHE_MAX_AGE");

      // when Firestore is back (empty: the emulator keeps nothing), the waiting writes land
      emulator.restart();
      assertThat(connection.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(connection.isReachable(Duration.ofSeconds(5))).isTrue();
      try (FirestoreConnection other =
          FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC())) {
        for (MessageLog log : logs) {
          assertThat(other.deliveryLog().find(uid, log.key())).contains(log);
        }
        assertThat(other.runLog().recent(uid, 10)).containsExactly(run);
      }
    }
  }

  @Test
  void aFrozenFirestore_isAnsweredFromThePackedCopy_everyStudentEqualToTheOneRead() {
    HandClock clock = new HandClock(T0);
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        FirestoreConnection seeder =
            FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC());
        FirestoreConnection connection =
            FirestoreConnection.open(
                emulator
                    .config()
                    .withCallTimeout(Duration.ofSeconds(1))
                    .withCacheMaxAge(Duration.ofMinutes(30)),
                AccountDefaults.SPEC,
                clock)) {
      // given an account of 600 varied students (Urdu text, fractions, unreadable documents)
      // read once in full while Firestore answered
      String uid = Unique.name("academy");
      AccountFileBuilder file = anAccountFile(uid);
      StudentCopyTest.documents(600).forEach(file::withStudent);
      seeder.importer().importAccount(file.build());
      List<Mapped<Student>> read = new ArrayList<>();
      connection.studentDirectory().forEachStudent(uid, read::add);
      assertThat(read).hasSize(600).hasAtLeastOneElementOfType(Mapped.Broken.class);
      Student one = ((Mapped.Ok<Student>) read.get(1)).value();

      // when Firestore stops answering (connections open, nothing comes back)
      emulator.freeze();
      try {
        clock.now = T0.plus(Duration.ofMinutes(2));

        // then every student comes from the copy, equal to the one read, in the same order
        List<Mapped<Student>> fromCopy = new ArrayList<>();
        connection.studentDirectory().forEachStudent(uid, fromCopy::add);
        assertThat(fromCopy).isEqualTo(read);
        // and so does the balance re-check of one student; an unreadable or unknown one is absent
        assertThat(connection.studentDirectory().student(uid, one.id())).contains(one);
        assertThat(connection.studentDirectory().student(uid, "stu-00003")).isEmpty();
        assertThat(connection.studentDirectory().student(uid, "stu-99999")).isEmpty();
      } finally {
        emulator.thaw();
      }
    }
  }
}
