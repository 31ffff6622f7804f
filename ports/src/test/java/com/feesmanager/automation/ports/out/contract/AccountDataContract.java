package com.feesmanager.automation.ports.out.contract;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.student;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every source of account data does (SPEC §1, §9): serves enabled accounts with defaults
 * applied, streams students reporting the broken ones, and hands rules over as drafts with the
 * templates by id.
 */
public abstract class AccountDataContract {

  /** Defaults unlike SPEC's, so a test can tell a default from a value that was read. */
  protected static final AccountDefaults DEFAULTS =
      new AccountDefaults(ZoneId.of("Asia/Dubai"), "default-session", 42, 420);

  /** The three read ports of one adapter, over the same data. */
  public record AccountData(
      AccountDirectory directory, RuleSource rules, StudentDirectory students) {

    public AccountData {
      Objects.requireNonNull(directory, "'directory' must not be null");
      Objects.requireNonNull(rules, "'rules' must not be null");
      Objects.requireNonNull(students, "'students' must not be null");
    }

    public static <A extends AccountDirectory & RuleSource & StudentDirectory> AccountData of(
        A all) {
      return new AccountData(all, all, all);
    }
  }

  /**
   * The adapter seeded with these account files (SPEC §9 trees of JSON values: String, Boolean,
   * Number, List, Map; timestamps as ISO-8601 strings). Uids are unique per test, so the data may
   * land in a store shared with other tests.
   */
  protected abstract AccountData newAccountData(
      List<Map<String, Object>> accountFiles, AccountDefaults defaults);

  private String uid;

  @BeforeEach
  void newAccount() {
    uid = Unique.name("academy");
  }

  private AccountData seeded(AccountFileBuilder... files) {
    return newAccountData(Arrays.stream(files).map(AccountFileBuilder::build).toList(), DEFAULTS);
  }

  private static List<String> uids(AccountScan scan, Set<String> ours) {
    return scan.accounts().stream().map(AccountSettings::uid).filter(ours::contains).toList();
  }

  // --- accounts ------------------------------------------------------------------------------

  @Test
  void enabledAccounts_listsOnlyAccountsWithAutomationEnabled() {
    // given
    String disabled = Unique.name("disabled");
    String silent = Unique.name("silent");
    AccountData data =
        seeded(
            anAccountFile(uid),
            anAccountFile(disabled).withAccount(doc("automation", doc("enabled", false))),
            anAccountFile(silent).withAccount(doc("academyName", "No automation here")));

    // when
    AccountScan scan = data.directory().enabledAccounts();

    // then
    assertThat(uids(scan, Set.of(uid, disabled, silent))).containsExactly(uid);
    assertThat(data.directory().account(disabled))
        .hasValueSatisfying(account -> assertThat(account.automation().enabled()).isFalse());
    assertThat(data.directory().account(Unique.name("unknown"))).isEmpty();
  }

  @Test
  void enabledAccounts_reportsABrokenAccount_andServesTheOthers() {
    // given
    String broken = Unique.name("broken");
    AccountData data =
        seeded(
            anAccountFile(broken)
                .withAccount(doc("timezone", "Mars/Olympus", "automation", doc("enabled", true))),
            anAccountFile(uid));

    // when
    AccountScan scan = data.directory().enabledAccounts();

    // then
    assertThat(uids(scan, Set.of(uid, broken))).containsExactly(uid);
    assertThat(scan.problems())
        .filteredOn(problem -> problem.path().contains(broken))
        .extracting(DocumentProblem::field)
        .containsExactly("timezone");
  }

  @Test
  void account_withOnlyAutomationEnabled_hasEveryDefaultApplied() {
    // given
    AccountData data = seeded(anAccountFile(uid));

    // when
    Optional<AccountSettings> account = data.directory().account(uid);

    // then
    assertThat(account)
        .contains(
            new AccountSettings(
                uid,
                "",
                DEFAULTS.timezone(),
                "PKR",
                new Automation(
                    true,
                    DEFAULTS.wppSession(),
                    DEFAULTS.maxPerHour(),
                    DEFAULTS.maxPerDay(),
                    Optional.empty(),
                    Set.of())));
  }

  @Test
  void account_readsEveryField() {
    // given
    AccountData data =
        seeded(
            anAccountFile(uid)
                .withAccount(
                    doc(
                        "academyName", "Bright Future Academy",
                        "timezone", "Asia/Karachi",
                        "currency", "PKR",
                        "automation",
                            doc(
                                "enabled",
                                true,
                                "wppSession",
                                "bright-future",
                                "maxPerHour",
                                60,
                                "maxPerDay",
                                500,
                                "quietHours",
                                doc("start", "21:00", "end", "08:00"),
                                "holidays",
                                List.of("2026-12-25")))));

    // when
    Optional<AccountSettings> account = data.directory().account(uid);

    // then
    assertThat(account)
        .contains(
            new AccountSettings(
                uid,
                "Bright Future Academy",
                ZoneId.of("Asia/Karachi"),
                "PKR",
                new Automation(
                    true,
                    "bright-future",
                    60,
                    500,
                    Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))),
                    Set.of(LocalDate.of(2026, 12, 25)))));
  }

  // --- students ------------------------------------------------------------------------------

  @Test
  void forEachStudent_streamsEveryStudent_andReportsABrokenOneWithPathAndField() {
    // given a student without the required name between two good ones
    List<Map<String, Object>> fees = List.of(fee("2026-11", 4000, 0, "2026-11-10"));
    AccountData data =
        seeded(
            anAccountFile(uid)
                .withStudent("stu-001", student("Ali Raza", "Class 6", "0300-1234567", fees))
                .withStudent("stu-002", doc("className", "Class 7", "fees", fees))
                .withStudent("stu-003", student("Sana Malik", "Class 7", "0321-5550123", fees)));
    List<Mapped<Student>> seen = new ArrayList<>();

    // when
    data.students().forEachStudent(uid, seen::add);

    // then
    assertThat(seen)
        .filteredOn(Mapped.Ok.class::isInstance)
        .extracting(mapped -> ((Mapped.Ok<Student>) mapped).value().id())
        .containsExactlyInAnyOrder("stu-001", "stu-003");
    List<DocumentProblem> problems =
        seen.stream()
            .filter(Mapped.Broken.class::isInstance)
            .flatMap(mapped -> ((Mapped.Broken<Student>) mapped).problems().stream())
            .toList();
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).contains(uid).endsWith("students/stu-002");
              assertThat(problem.field()).isEqualTo("name");
            });
  }

  @Test
  void student_byId_isMappedWithEveryFieldAndDefault() {
    // given
    AccountData data =
        seeded(
            anAccountFile(uid)
                .withStudent(
                    "stu-001",
                    doc(
                        "name", "Hira Raza",
                        "guardianName", "Imran Raza",
                        "phone", "0333 4445566",
                        "guardianPhone", "+92 300 1234567",
                        "className", "O-Level Maths",
                        "fees",
                            List.of(
                                fee("2026-10", 8000, 8000, "2026-10-10"),
                                fee("2026-11", 8000, 2500.5, "2026-11-10")))));

    // when
    Optional<Student> found = data.students().student(uid, "stu-001");

    // then
    assertThat(found)
        .contains(
            new Student(
                "stu-001",
                "Hira Raza",
                Optional.of("Imran Raza"),
                Optional.of("0333 4445566"),
                Optional.of("+92 300 1234567"),
                Optional.of("O-Level Maths"),
                true,
                false,
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
                        LocalDate.of(2026, 11, 10)))));
  }

  @Test
  void student_thatIsUnknownBrokenOrOfAnotherAccount_isEmpty() {
    // given
    String otherUid = Unique.name("academy");
    AccountData data =
        seeded(
            anAccountFile(uid).withStudent("stu-002", doc("className", "Class 7")),
            anAccountFile(otherUid)
                .withStudent("stu-001", student("Ali Raza", "Class 6", "0300-1234567", List.of())));

    // when / then
    assertThat(data.students().student(uid, "stu-404")).isEmpty();
    assertThat(data.students().student(uid, "stu-002")).isEmpty();
    assertThat(data.students().student(uid, "stu-001")).isEmpty();
    assertThat(data.students().student(otherUid, "stu-001")).isPresent();
  }

  // --- rules and templates -------------------------------------------------------------------

  @Test
  void rules_areHandedOverAsDrafts_withTheirFields() {
    // given
    AccountData data =
        seeded(
            anAccountFile(uid)
                .withRule(
                    "overdue-daily",
                    doc(
                        "name", "Overdue reminder",
                        "schedule", doc("frequency", "DAILY", "time", "10:00"),
                        "criteria",
                            doc(
                                "statuses", List.of("UNPAID", "PARTIAL"),
                                "minDaysOverdue", 3,
                                "classes", List.of("Class 6", "Class 7")),
                        "audience", "GUARDIAN",
                        "templateId", "overdue-en",
                        "createdAt", "2026-09-01T00:00:00Z",
                        "consolidate", true))
                .withRule(
                    "before-due",
                    doc(
                        "enabled",
                        false,
                        "schedule",
                        doc("frequency", "MONTHLY", "time", "09:00", "dayOfMonth", 5),
                        "criteria",
                        doc("dueWithinDays", 7),
                        "template",
                        "Fee for {month} is due on {dueDate}.")));

    // when
    RuleBook book = data.rules().rules(uid);

    // then
    assertThat(book.rules())
        .extracting(RuleDraft::id)
        .containsExactlyInAnyOrder("overdue-daily", "before-due");
    RuleDraft daily = draft(book, "overdue-daily");
    assertThat(daily.name()).contains("Overdue reminder");
    assertThat(daily.enabled()).isTrue();
    assertThat(daily.frequency()).contains("DAILY");
    assertThat(daily.time()).contains("10:00");
    assertThat(daily.statuses()).contains(List.of("UNPAID", "PARTIAL"));
    assertThat(daily.minDaysOverdue()).contains(3);
    assertThat(daily.maxDaysOverdue()).isEmpty();
    assertThat(daily.classes()).contains(List.of("Class 6", "Class 7"));
    assertThat(daily.audience()).contains("GUARDIAN");
    assertThat(daily.templateId()).contains("overdue-en");
    assertThat(daily.template()).isEmpty();
    assertThat(daily.createdAt()).contains(Instant.parse("2026-09-01T00:00:00Z"));
    assertThat(daily.consolidate()).isTrue();
    assertThat(daily.problems()).isEmpty();
    RuleDraft monthly = draft(book, "before-due");
    assertThat(monthly.enabled()).isFalse();
    assertThat(monthly.name()).isEmpty();
    assertThat(monthly.displayName()).isEqualTo("before-due");
    assertThat(monthly.dayOfMonth()).contains(5);
    assertThat(monthly.dueWithinDays()).contains(7);
    assertThat(monthly.template()).contains("Fee for {month} is due on {dueDate}.");
    assertThat(monthly.consolidate()).isFalse();
  }

  @Test
  void aRuleThatCannotBeUnderstood_isStillHandedOverAsADraft_forValidationToReport() {
    // given
    AccountData data =
        seeded(anAccountFile(uid).withRule("no-schedule", doc("templateId", "overdue-en")));

    // when
    RuleBook book = data.rules().rules(uid);

    // then
    assertThat(book.rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.id()).isEqualTo("no-schedule");
              assertThat(rule.frequency()).isEmpty();
            });
  }

  @Test
  void templates_areGivenById() {
    // given
    String urdu =
        "السلام علیکم {guardianName|محترم والدین}، {studentName} کی فیس {amountDue} باقی ہے۔";
    AccountData data =
        seeded(
            anAccountFile(uid)
                .withTemplate("overdue-en", "Overdue (English)", "Dear {guardianName|Parent}, …")
                .withTemplate("weekly-ur", "ہفتہ وار یاد دہانی", urdu));

    // when
    RuleBook book = data.rules().rules(uid);

    // then
    assertThat(book.templates())
        .containsOnly(
            Map.entry(
                "overdue-en",
                new Template("overdue-en", "Overdue (English)", "Dear {guardianName|Parent}, …")),
            Map.entry("weekly-ur", new Template("weekly-ur", "ہفتہ وار یاد دہانی", urdu)));
    assertThat(book.problems()).isEmpty();
  }

  @Test
  void rules_ofAnotherOrUnknownAccount_areNotMixedIn() {
    // given
    String otherUid = Unique.name("academy");
    AccountData data =
        seeded(
            anAccountFile(uid),
            anAccountFile(otherUid)
                .withTemplate("t", "T", "Hello {studentName}")
                .withRule("r", doc("schedule", doc("frequency", "DAILY", "time", "10:00"))));

    // when
    RuleBook mine = data.rules().rules(uid);
    RuleBook unknown = data.rules().rules(Unique.name("academy"));

    // then
    assertThat(mine.rules()).isEmpty();
    assertThat(mine.templates()).isEmpty();
    assertThat(unknown.rules()).isEmpty();
    assertThat(data.rules().rules(otherUid).rules()).extracting(RuleDraft::id).containsExactly("r");
  }

  private static RuleDraft draft(RuleBook book, String id) {
    return book.rules().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
  }
}
