package com.feesmanager.automation.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.template.CompiledTemplate;
import com.feesmanager.automation.domain.template.MessageValues;
import com.feesmanager.automation.domain.template.PlaceholderName;
import com.feesmanager.automation.domain.template.Rendering;
import com.feesmanager.automation.domain.template.TemplateCompilation;
import com.feesmanager.automation.domain.template.TextDirection;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bundled sample academy (examples/academy-demo.json) reads as its README describes. */
class AcademyDemoFileTest {

  private static final String UID = "demo-academy";

  private FileAccountData data;

  @BeforeEach
  void load() {
    data = FileAccountData.load(List.of(ExampleFiles.academyDemo()), AccountDefaults.SPEC);
  }

  private List<Student> students() {
    List<Student> students = new ArrayList<>();
    data.forEachStudent(
        UID,
        mapped -> {
          assertThat(mapped).isInstanceOf(Mapped.Ok.class);
          students.add(((Mapped.Ok<Student>) mapped).value());
        });
    return students;
  }

  @Test
  void isOneEnabledAccountInKarachi_withQuietHoursAndAHoliday() {
    // when
    AccountScan scan = data.enabledAccounts();

    // then
    assertThat(scan.problems()).isEmpty();
    assertThat(scan.accounts()).extracting(AccountSettings::uid).containsExactly(UID);
    AccountSettings account = scan.accounts().get(0);
    assertThat(account.academyName()).isEqualTo("Bright Future Academy");
    assertThat(account.timezone()).isEqualTo(ZoneId.of("Asia/Karachi"));
    assertThat(account.automation().quietHours())
        .contains(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
    assertThat(account.automation().holidays()).hasSize(1);
  }

  @Test
  void hasThirtyStudentsInThreeClasses_eachWithFeesFromSeptemberToDecemberDueOnThe10th() {
    // when
    List<Student> students = students();

    // then
    assertThat(students).hasSize(30);
    assertThat(students)
        .extracting(student -> student.className().orElseThrow())
        .containsOnly("Class 6", "Class 7", "O-Level Maths");
    assertThat(students)
        .allSatisfy(
            student -> {
              assertThat(student.fees())
                  .extracting(FeeRecord::month)
                  .containsExactly(
                      YearMonth.of(2026, 9),
                      YearMonth.of(2026, 10),
                      YearMonth.of(2026, 11),
                      YearMonth.of(2026, 12));
              assertThat(student.fees())
                  .allSatisfy(fee -> assertThat(fee.dueDate().getDayOfMonth()).isEqualTo(10));
            });
  }

  @Test
  void hasAFamilyOfThreeSharingTheGuardiansNumber_writtenThreeWays() {
    // when
    List<Student> razas =
        students().stream()
            .filter(student -> student.guardianName().equals(Optional.of("Imran Raza")))
            .toList();

    // then
    assertThat(razas)
        .extracting(Student::id)
        .containsExactlyInAnyOrder("stu-001", "stu-011", "stu-021");
    assertThat(razas)
        .extracting(student -> student.guardianPhone().orElseThrow())
        .doesNotHaveDuplicates()
        .allSatisfy(phone -> assertThat(phone.replaceAll("\\D", "")).endsWith("3001234567"));
  }

  @Test
  void hasOneOptedOutStudent_oneWithABadNumber_oneWithNoNumber_andOneInactive() {
    // when
    List<Student> students = students();

    // then
    assertThat(students)
        .filteredOn(Student::optOut)
        .extracting(Student::id)
        .containsExactly("stu-008");
    assertThat(data.student(UID, "stu-007").orElseThrow().guardianPhone()).contains("12345");
    assertThat(data.student(UID, "stu-015").orElseThrow())
        .satisfies(
            student -> {
              assertThat(student.phone()).isEmpty();
              assertThat(student.guardianPhone()).isEmpty();
            });
    assertThat(students)
        .filteredOn(student -> !student.active())
        .extracting(Student::id)
        .containsExactly("stu-017");
  }

  @Test
  void hasFourRulesAndThreeTemplates_andEveryRuleIsValid() {
    // when
    RuleBook book = data.rules(UID);

    // then
    assertThat(book.problems()).isEmpty();
    assertThat(book.templates()).containsOnlyKeys("overdue-en", "weekly-ur", "final-notice-en");
    assertThat(book.rules())
        .extracting(RuleDraft::id)
        .containsExactly(
            "overdue-daily", "weekly-urdu", "before-due-monthly", "olevel-final-notice");
    assertThat(book.rules()).allSatisfy(rule -> assertThat(rule.problems()).isEmpty());
    assertThat(book.rules())
        .filteredOn(RuleDraft::consolidate)
        .extracting(RuleDraft::id)
        .containsExactly("overdue-daily");
    assertThat(book.rules())
        .filteredOn(rule -> rule.template().isPresent())
        .extracting(RuleDraft::id)
        .containsExactly("before-due-monthly");
    assertThat(book.rules())
        .extracting(rule -> RuleValidator.validate(rule, book.templates()))
        .allSatisfy(check -> assertThat(check).isInstanceOf(RuleCheck.Valid.class));
  }

  @Test
  void theUrduTemplateIsolatesItsValues_theEnglishOnesStayAsTheyWere() {
    // given
    RuleBook book = data.rules(UID);
    Map<PlaceholderName, String> values = new EnumMap<>(PlaceholderName.class);
    for (PlaceholderName name : PlaceholderName.values()) {
      values.put(name, "Value " + name.key());
    }

    // when
    String urdu = rendered(book.templates().get("weekly-ur").body(), values);
    String english = rendered(book.templates().get("overdue-en").body(), values);

    // then
    assertThat(urdu).contains("\u2068Value studentName\u2069 (\u2068Value className\u2069)");
    assertThat(urdu).contains("\u2068Value amountDue\u2069");
    assertThat(english).doesNotContain("\u2068", "\u2069").contains("fee of Value amountDue for");
  }

  private static String rendered(String body, Map<PlaceholderName, String> values) {
    CompiledTemplate template =
        ((TemplateCompilation.Compiled) CompiledTemplate.compile(body)).template();
    assertThat(template.direction())
        .isEqualTo(
            body.startsWith("السلام") ? TextDirection.RIGHT_TO_LEFT : TextDirection.LEFT_TO_RIGHT);
    return ((Rendering.Rendered) template.render(MessageValues.of(values))).body();
  }
}
