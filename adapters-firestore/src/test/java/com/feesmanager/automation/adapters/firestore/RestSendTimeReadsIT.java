package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.student;
import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.SendTimeReads.SendTimeData;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.contract.AccountFileBuilder;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A send's documents read in one {@code batchGet} (issue 16) answer exactly what each port answers
 * alone, missing parts as empty; a batch that cannot be read fails, and the account it read is the
 * copy its port serves while Firestore is away.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class RestSendTimeReadsIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private static AccountFileBuilder account(String uid) {
    return anAccountFile(uid)
        .withAccount(doc("academyName", "Bright Future", "automation", doc("enabled", true)))
        .withRule(
            "overdue-daily",
            doc(
                "name", "Overdue reminder",
                "schedule", doc("frequency", "DAILY", "time", "10:00"),
                "audience", "GUARDIAN"))
        .withStudent(
            "stu-001",
            student("Ali Raza", "5", "03001234567", List.of(fee("2026-10", 4000, 0, "2026-10-10"))))
        .withStudent(
            "stu-002",
            student(
                "Sara Raza", "3", "03001234567", List.of(fee("2026-10", 3000, 0, "2026-10-10"))));
  }

  private static QueuedMessage queued(String uid, String ruleId, List<String> studentIds) {
    return aQueuedMessage()
        .forAccount(uid)
        .ofRule(ruleId, "Overdue reminder")
        .forStudents(studentIds, studentIds)
        .build();
  }

  private static FirestoreConnection open(FirestoreConfig config) {
    return FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
  }

  @Test
  void every_part_read_together_equals_what_its_own_port_reads() {
    String uid = Unique.name("academy");
    try (FirestoreConnection connection = open(FirestoreEmulatorExtension.emulator().config())) {
      connection.importer().importAccount(account(uid).build());
      QueuedMessage message = queued(uid, "overdue-daily", List.of("stu-001", "stu-002"));
      connection
          .deliveryLog()
          .record(
              aMessageLog()
                  .forAccount(uid)
                  .withKey(message.key())
                  .withStatus(MessageStatus.SENT)
                  .queuedAt(T0)
                  .build());

      SendTimeData together = connection.sendTimeReads().readTogether(message).orElseThrow();

      assertThat(together.account())
          .isPresent()
          .isEqualTo(connection.accountDirectory().account(uid));
      Optional<RuleDraft> rule =
          connection.ruleSource().rules(uid).rules().stream()
              .filter(draft -> draft.id().equals("overdue-daily"))
              .findFirst();
      assertThat(together.rule()).isPresent().isEqualTo(rule);
      assertThat(together.students().keySet()).containsExactlyInAnyOrder("stu-001", "stu-002");
      assertThat(together.students().get("stu-001"))
          .isPresent()
          .isEqualTo(connection.studentDirectory().student(uid, "stu-001"));
      assertThat(together.students().get("stu-002"))
          .isPresent()
          .isEqualTo(connection.studentDirectory().student(uid, "stu-002"));
      assertThat(together.log())
          .hasValueSatisfying(log -> assertThat(log.status()).isEqualTo(MessageStatus.SENT))
          .isEqualTo(connection.deliveryLog().find(uid, message.key()));
    }
  }

  @Test
  void parts_that_do_not_exist_are_empty() {
    String uid = Unique.name("academy");
    try (FirestoreConnection connection = open(FirestoreEmulatorExtension.emulator().config())) {
      connection.importer().importAccount(account(uid).build());

      SendTimeData together =
          connection
              .sendTimeReads()
              .readTogether(queued(uid, "deleted-rule", List.of("stu-001", "gone")))
              .orElseThrow();
      SendTimeData noAccount =
          connection
              .sendTimeReads()
              .readTogether(queued(Unique.name("gone"), "overdue-daily", List.of("stu-001")))
              .orElseThrow();

      assertThat(together.account()).isPresent();
      assertThat(together.rule()).isEmpty();
      assertThat(together.students().get("stu-001")).isPresent();
      assertThat(together.students().get("gone")).isEmpty();
      assertThat(together.log()).isEmpty();
      assertThat(noAccount.account()).isEmpty();
      assertThat(noAccount.students().get("stu-001")).isEmpty();
    }
  }

  @Test
  void a_stopped_firestore_fails_the_batch_and_the_account_it_read_is_the_ports_copy() {
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        FirestoreConnection connection =
            open(emulator.config().withCallTimeout(Duration.ofSeconds(1)))) {
      // given an account read only together, never through its port
      String uid = Unique.name("academy");
      connection.importer().importAccount(account(uid).build());
      QueuedMessage message = queued(uid, "overdue-daily", List.of("stu-001"));
      SendTimeData read = connection.sendTimeReads().readTogether(message).orElseThrow();

      // when Firestore goes away
      emulator.stop();

      // then the batch fails (the caller reads part by part) and the port serves the copy
      assertThatThrownBy(() -> connection.sendTimeReads().readTogether(message))
          .isInstanceOf(StoreUnavailable.class);
      assertThat(connection.accountDirectory().account(uid)).isEqualTo(read.account());
    }
  }
}
