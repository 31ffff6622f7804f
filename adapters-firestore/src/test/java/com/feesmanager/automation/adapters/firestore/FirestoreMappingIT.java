package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleProblem;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.GeoPoint;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §1 documents as the web app writes them (Firestore Timestamps, Longs and Doubles, nested
 * maps and lists, values of the wrong Firestore type) read through the adapters.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirestoreMappingIT {

  private static final AccountDefaults DEFAULTS =
      new AccountDefaults(ZoneId.of("Asia/Dubai"), "env-session", 42, 420);

  private FirestoreConnection connection;
  private Firestore firestore;
  private String uid;

  /** The connection under test (documents are written with the gRPC client, as the web app's). */
  FirestoreConnection open(FirestoreConfig config, AccountDefaults defaults) {
    return FirestoreConnection.open(config, defaults, Clock.systemUTC());
  }

  @BeforeAll
  void connect() {
    connection = open(FirestoreEmulatorExtension.emulator().config(), DEFAULTS);
    firestore = connection.firestore();
  }

  @AfterAll
  void close() {
    connection.close();
  }

  @BeforeEach
  void newAccount() {
    uid = Unique.name("academy");
  }

  private void write(String path, Map<String, Object> doc) throws Exception {
    firestore.document(path).set(doc).get();
  }

  private static Map<String, Object> doc(Object... namesAndValues) {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      doc.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return doc;
  }

  @Test
  void account_everyField_fromFirestoreTypes() throws Exception {
    // given
    write(
        "users/" + uid,
        doc(
            "academyName", "Bright Future Academy",
            "timezone", "Asia/Karachi",
            "currency", "USD",
            "automation",
                doc(
                    "enabled",
                    true,
                    "wppSession",
                    "bright-future",
                    "maxPerHour",
                    60L,
                    "maxPerDay",
                    500.0,
                    "quietHours",
                    doc("start", "21:00", "end", "08:00"),
                    "holidays",
                    List.of("2026-12-25", "2027-01-01"))));

    // when
    Optional<AccountSettings> account = connection.accountDirectory().account(uid);

    // then
    assertThat(account)
        .contains(
            new AccountSettings(
                uid,
                "Bright Future Academy",
                ZoneId.of("Asia/Karachi"),
                "USD",
                new Automation(
                    true,
                    "bright-future",
                    60,
                    500,
                    Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))),
                    Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)))));
  }

  @Test
  void account_withNothingSet_takesTheEnvironmentDefaults_andIsNotEnabled() throws Exception {
    // given
    write("users/" + uid, doc("academyName", "Quiet Academy"));

    // when
    Optional<AccountSettings> account = connection.accountDirectory().account(uid);

    // then
    assertThat(account)
        .contains(
            new AccountSettings(
                uid,
                "Quiet Academy",
                DEFAULTS.timezone(),
                "PKR",
                new Automation(false, "env-session", 42, 420, Optional.empty(), Set.of())));
  }

  @Test
  @NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
  void brokenAccount_isReportedWithPathAndField_othersAreServed() throws Exception {
    // given
    write(
        "users/" + uid,
        doc("automation", doc("enabled", true, "maxPerHour", 1.5, "holidays", "2026-12-25")));
    String good = Unique.name("academy");
    write("users/" + good, doc("automation", doc("enabled", true)));

    // when
    AccountScan scan = connection.accountDirectory().enabledAccounts();

    // then
    assertThat(scan.accounts()).extracting(AccountSettings::uid).contains(good).doesNotContain(uid);
    assertThat(scan.problems())
        .filteredOn(problem -> problem.path().equals("users/" + uid))
        .extracting(DocumentProblem::field)
        .containsExactlyInAnyOrder("automation.maxPerHour", "automation.holidays");
  }

  @Test
  void student_everyField_withLongAndDoubleMoney() throws Exception {
    // given
    write(
        "users/" + uid + "/students/stu-001",
        doc(
            "name",
            "Hira Raza",
            "guardianName",
            "Imran Raza",
            "phone",
            "0333 4445566",
            "guardianPhone",
            923001234567L,
            "className",
            "O-Level Maths",
            "active",
            false,
            "optOut",
            true,
            "fees",
            List.of(
                doc("month", "2026-10", "amount", 8000L, "paid", 8000L, "dueDate", "2026-10-10"),
                doc("month", "2026-11", "amount", 8000.0, "paid", 2500.5, "dueDate", "2026-11-10"),
                doc("month", "2026-12", "amount", 8000L, "dueDate", "2026-12-10"))));

    // when
    Optional<Student> student = connection.studentDirectory().student(uid, "stu-001");

    // then
    assertThat(student)
        .contains(
            new Student(
                "stu-001",
                "Hira Raza",
                Optional.of("Imran Raza"),
                Optional.of("0333 4445566"),
                Optional.of("923001234567"),
                Optional.of("O-Level Maths"),
                false,
                true,
                List.of(
                    new FeeRecord(
                        YearMonth.of(2026, 10),
                        Money.of(8000),
                        Money.of(8000),
                        LocalDate.of(2026, 10, 10)),
                    new FeeRecord(
                        YearMonth.of(2026, 11),
                        Money.of(8000),
                        Money.of(new BigDecimal("2500.50")),
                        LocalDate.of(2026, 11, 10)),
                    new FeeRecord(
                        YearMonth.of(2026, 12),
                        Money.of(8000),
                        Money.ZERO,
                        LocalDate.of(2026, 12, 10)))));
  }

  @Test
  void student_withOnlyAName_hasTheDefaults() throws Exception {
    // given
    write("users/" + uid + "/students/stu-001", doc("name", "Ali Raza"));

    // when / then
    assertThat(connection.studentDirectory().student(uid, "stu-001"))
        .contains(
            new Student(
                "stu-001",
                "Ali Raza",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                false,
                List.of()));
  }

  @Test
  void brokenStudents_areReportedWithEveryField_andTheStreamHandsOverEveryStudentOnce()
      throws Exception {
    // given ten students (more than the hand-over queue of three), two broken by Firestore types
    for (int i = 1; i <= 10; i++) {
      write(
          "users/" + uid + "/students/stu-" + String.format("%03d", i),
          doc("name", "Student " + i, "fees", List.of()));
    }
    write(
        "users/" + uid + "/students/stu-004",
        doc(
            "name",
            new GeoPoint(24.86, 67.0),
            "fees",
            List.of(
                doc("month", "2026-11", "amount", 4000L, "dueDate", "2026-11-10"),
                doc(
                    "month",
                    "2026-12",
                    "amount",
                    -1L,
                    "dueDate",
                    Timestamp.parseTimestamp("2026-12-10T00:00:00Z")))));
    write("users/" + uid + "/students/stu-007", doc("name", "Sana", "active", "yes"));
    List<Mapped<Student>> seen = new ArrayList<>();

    // when
    connection.studentDirectory().forEachStudent(uid, seen::add);

    // then
    assertThat(seen).hasSize(10);
    assertThat(seen)
        .filteredOn(Mapped.Ok.class::isInstance)
        .extracting(mapped -> ((Mapped.Ok<Student>) mapped).value().id())
        .containsExactly(
            "stu-001", "stu-002", "stu-003", "stu-005", "stu-006", "stu-008", "stu-009", "stu-010");
    List<DocumentProblem> problems =
        seen.stream()
            .filter(Mapped.Broken.class::isInstance)
            .flatMap(mapped -> ((Mapped.Broken<Student>) mapped).problems().stream())
            .toList();
    assertThat(problems)
        .extracting(
            problem -> problem.path().replace("users/" + uid + "/", "") + " " + problem.field())
        .containsExactlyInAnyOrder(
            "students/stu-004 name",
            "students/stu-004 fees[1].amount",
            "students/stu-004 fees[1].dueDate",
            "students/stu-007 active");
    assertThat(problems)
        .filteredOn(problem -> problem.field().equals("name"))
        .singleElement()
        .satisfies(problem -> assertThat(problem.reason()).contains("GeoPoint"));
    assertThat(connection.studentDirectory().student(uid, "stu-004")).isEmpty();
  }

  @Test
  void rule_everyField_withATimestampCreatedAt_andTemplates() throws Exception {
    // given
    write(
        "users/" + uid + "/automationRules/monthly",
        doc(
            "name",
            "Monthly reminder",
            "enabled",
            true,
            "schedule",
            doc(
                "frequency",
                "WEEKLY",
                "time",
                "09:30",
                "daysOfWeek",
                List.of("MON", "THU"),
                "dayOfMonth",
                -1L),
            "criteria",
            doc(
                "statuses",
                List.of("PARTIAL"),
                "minDaysOverdue",
                3L,
                "maxDaysOverdue",
                30.0,
                "dueWithinDays",
                2L,
                "classes",
                List.of("Class 6"),
                "minBalance",
                1250.5),
            "audience",
            "BOTH",
            "templateId",
            "t1",
            "template",
            "Inline {studentName}",
            "createdAt",
            Timestamp.parseTimestamp("2026-09-01T04:30:00.123456Z"),
            "consolidate",
            true));
    write(
        "users/" + uid + "/automationRules/typo",
        doc("schedule", doc("frequency", "DAILY", "time", 1000L), "createdAt", "yesterday"));
    write("users/" + uid + "/templates/t1", doc("name", "T1", "body", "Dear {guardianName}"));
    write("users/" + uid + "/templates/no-name", doc("body", "Hello"));
    write("users/" + uid + "/templates/no-body", doc("name", "Broken"));

    // when
    RuleBook book = connection.ruleSource().rules(uid);

    // then
    RuleDraft rule = draft(book, "monthly");
    assertThat(rule.name()).contains("Monthly reminder");
    assertThat(rule.frequency()).contains("WEEKLY");
    assertThat(rule.time()).contains("09:30");
    assertThat(rule.daysOfWeek()).containsExactly("MON", "THU");
    assertThat(rule.dayOfMonth()).contains(-1);
    assertThat(rule.statuses()).contains(List.of("PARTIAL"));
    assertThat(rule.minDaysOverdue()).contains(3);
    assertThat(rule.maxDaysOverdue()).contains(30);
    assertThat(rule.dueWithinDays()).contains(2);
    assertThat(rule.classes()).contains(List.of("Class 6"));
    assertThat(rule.minBalance()).contains(new BigDecimal("1250.5"));
    assertThat(rule.audience()).contains("BOTH");
    assertThat(rule.templateId()).contains("t1");
    assertThat(rule.template()).contains("Inline {studentName}");
    assertThat(rule.createdAt()).contains(Instant.parse("2026-09-01T04:30:00.123456Z"));
    assertThat(rule.consolidate()).isTrue();
    assertThat(rule.problems()).isEmpty();
    assertThat(draft(book, "typo").problems())
        .extracting(RuleProblem::field)
        .containsExactlyInAnyOrder("schedule.time", "createdAt");
    assertThat(book.templates()).containsOnlyKeys("t1", "no-name");
    assertThat(book.templates().get("no-name").name()).isEqualTo("no-name");
    assertThat(book.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("users/" + uid + "/templates/no-body");
              assertThat(problem.field()).isEqualTo("body");
            });
  }

  private static RuleDraft draft(RuleBook book, String id) {
    return book.rules().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
  }
}
