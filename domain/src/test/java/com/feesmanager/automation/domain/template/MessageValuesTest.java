package com.feesmanager.automation.domain.template;

import static com.feesmanager.automation.domain.message.ReminderTestData.aStudent;
import static com.feesmanager.automation.domain.message.ReminderTestData.anAccount;
import static com.feesmanager.automation.domain.message.ReminderTestData.paying;
import static com.feesmanager.automation.domain.message.ReminderTestData.unpaid;
import static com.feesmanager.automation.domain.template.PlaceholderName.ACADEMY_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.AMOUNT_DUE;
import static com.feesmanager.automation.domain.template.PlaceholderName.CLASS_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.CURRENCY;
import static com.feesmanager.automation.domain.template.PlaceholderName.DAYS_OVERDUE;
import static com.feesmanager.automation.domain.template.PlaceholderName.DUE_DATE;
import static com.feesmanager.automation.domain.template.PlaceholderName.GUARDIAN_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.MONTH;
import static com.feesmanager.automation.domain.template.PlaceholderName.MONTHS;
import static com.feesmanager.automation.domain.template.PlaceholderName.STUDENT_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.TOTAL_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.StudentMatch;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageValuesTest {

  private static final LocalDate NOV_15 = LocalDate.parse("2026-11-15");

  private static StudentMatch match(Student student, LocalDate date, FeeRecord... matched) {
    return new StudentMatch(student, List.of(matched), date);
  }

  @Test
  void a_student_message_has_every_value_of_spec_section_3() {
    // given
    FeeRecord october = paying("2026-10", "5000", "1500", "2026-10-10");
    FeeRecord november = unpaid("2026-11", 5000, "2026-11-10");
    FeeRecord december = unpaid("2026-12", 5000, "2026-12-10");
    Student ali =
        aStudent("s1", "Ali Raza")
            .guardian("Imran Raza")
            .inClass("Class 5")
            .fee(october)
            .fee(november)
            .fee(december)
            .build();

    // when: October and November matched, December is not yet due
    MessageValues values =
        MessageValues.forStudent(anAccount(), match(ali, NOV_15, november, october));

    // then
    assertThat(values.asMap())
        .containsOnly(
            entry(STUDENT_NAME, "Ali Raza"),
            entry(GUARDIAN_NAME, "Imran Raza"),
            entry(CLASS_NAME, "Class 5"),
            entry(ACADEMY_NAME, "Bright Future Academy"),
            entry(AMOUNT_DUE, "PKR 8,500"),
            entry(TOTAL_DUE, "PKR 13,500"),
            entry(MONTHS, "October, November 2026"),
            entry(MONTH, "October 2026"),
            entry(DUE_DATE, "10 Oct 2026"),
            entry(DAYS_OVERDUE, "36"),
            entry(CURRENCY, "PKR"));
  }

  @Test
  void absent_or_blank_fields_are_missing_values() {
    // given
    Student noGuardian =
        aStudent("s1", "Ali").inClass(" ").fee(unpaid("2026-11", 5000, "2026-11-10")).build();

    // when
    MessageValues values =
        MessageValues.forStudent(
            anAccount(""), match(noGuardian, NOV_15, noGuardian.fees().get(0)));

    // then
    assertThat(values.get(GUARDIAN_NAME)).isEmpty();
    assertThat(values.get(CLASS_NAME)).isEmpty();
    assertThat(values.get(ACADEMY_NAME)).isEmpty();
    assertThat(values.get(STUDENT_NAME)).contains("Ali");
  }

  @Test
  void days_overdue_is_zero_when_the_earliest_matched_record_is_not_yet_overdue() {
    // given
    FeeRecord november = unpaid("2026-11", 5000, "2026-11-10");
    Student ali = aStudent("s1", "Ali").fee(november).build();

    // when
    MessageValues onDueDate =
        MessageValues.forStudent(anAccount(), match(ali, LocalDate.parse("2026-11-10"), november));
    MessageValues dayAfter =
        MessageValues.forStudent(anAccount(), match(ali, LocalDate.parse("2026-11-11"), november));

    // then
    assertThat(onDueDate.get(DAYS_OVERDUE)).contains("0");
    assertThat(dayAfter.get(DAYS_OVERDUE)).contains("1");
  }

  @Test
  void consolidated_values_list_siblings_in_name_order_and_sum_their_fees() {
    // given
    FeeRecord saraNov = unpaid("2026-11", 4000, "2026-11-10");
    FeeRecord aliOct = unpaid("2026-10", 5000, "2026-10-12");
    FeeRecord aliNov = unpaid("2026-11", 5000, "2026-11-10");
    FeeRecord bilalDec = paying("2026-12", "3000", "1000", "2026-12-05");
    FeeRecord bilalJanNotMatched = unpaid("2027-01", 3000, "2027-01-05");
    Student sara =
        aStudent("s3", "Sara").guardian("Imran Khan").inClass("Class 2").fee(saraNov).build();
    Student ali =
        aStudent("s1", "Ali")
            .guardian("Imran Khan")
            .inClass("Class 5")
            .fee(aliOct)
            .fee(aliNov)
            .build();
    Student bilal =
        aStudent("s2", "bilal")
            .guardian("Ayesha Khan")
            .inClass("Class 5")
            .fee(bilalDec)
            .fee(bilalJanNotMatched)
            .build();
    LocalDate date = LocalDate.parse("2026-12-07");

    // when
    MessageValues values =
        MessageValues.consolidated(
            anAccount(),
            List.of(
                match(sara, date, saraNov),
                match(bilal, date, bilalDec),
                match(ali, date, aliOct, aliNov)));

    // then
    Map<PlaceholderName, String> map = values.asMap();
    assertThat(map)
        .containsOnly(
            entry(STUDENT_NAME, "Ali, bilal and Sara"),
            entry(GUARDIAN_NAME, "Imran Khan and Ayesha Khan"),
            entry(CLASS_NAME, "Class 5 and Class 2"),
            entry(ACADEMY_NAME, "Bright Future Academy"),
            entry(AMOUNT_DUE, "PKR 16,000"),
            entry(TOTAL_DUE, "PKR 19,000"),
            entry(MONTHS, "October, November, December 2026"),
            entry(MONTH, "October 2026"),
            entry(DUE_DATE, "12 Oct 2026"),
            entry(DAYS_OVERDUE, "56"),
            entry(CURRENCY, "PKR"));
  }

  @Test
  void consolidated_values_of_one_student_equal_that_students_values() {
    // given
    FeeRecord november = unpaid("2026-11", 5000, "2026-11-10");
    Student ali = aStudent("s1", "Ali").guardian("Imran").fee(november).build();
    StudentMatch match = match(ali, NOV_15, november);

    // when
    MessageValues consolidated = MessageValues.consolidated(anAccount(), List.of(match));

    // then
    assertThat(consolidated.asMap())
        .isEqualTo(MessageValues.forStudent(anAccount(), match).asMap());
  }

  @Test
  void consolidated_names_missing_for_every_sibling_stay_missing() {
    // given
    FeeRecord november = unpaid("2026-11", 5000, "2026-11-10");
    Student ali = aStudent("s1", "Ali").fee(november).build();
    Student sara = aStudent("s2", "Sara").guardian("").fee(november).build();

    // when
    MessageValues values =
        MessageValues.consolidated(
            anAccount(), List.of(match(ali, NOV_15, november), match(sara, NOV_15, november)));

    // then
    assertThat(values.get(GUARDIAN_NAME)).isEmpty();
    assertThat(values.get(CLASS_NAME)).isEmpty();
    assertThat(values.get(STUDENT_NAME)).contains("Ali and Sara");
  }

  @Test
  void consolidating_nobody_is_a_programming_error() {
    // when / then
    assertThatThrownBy(() -> MessageValues.consolidated(anAccount(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void values_from_a_map_treat_blank_as_missing() {
    // when
    MessageValues values = MessageValues.of(Map.of(STUDENT_NAME, "Ali", GUARDIAN_NAME, "  "));

    // then
    assertThat(values.get(STUDENT_NAME)).contains("Ali");
    assertThat(values.get(GUARDIAN_NAME)).isEmpty();
    assertThat(values.asMap()).containsOnlyKeys(STUDENT_NAME);
  }
}
