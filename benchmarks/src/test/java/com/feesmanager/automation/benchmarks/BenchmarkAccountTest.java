package com.feesmanager.automation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.Student;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark plans the account it claims to: deterministic, sized, and realistic. */
class BenchmarkAccountTest {

  private static final List<Student> STUDENTS = BenchmarkAccount.students(100_000, 20261116L);

  @Test
  void the_same_seed_generates_the_same_students() {
    // given / when
    List<Student> again = BenchmarkAccount.students(100_000, 20261116L);

    // then
    assertThat(again).isEqualTo(STUDENTS);
    assertThat(BenchmarkAccount.students(1_000, 1L)).isNotEqualTo(STUDENTS.subList(0, 1_000));
  }

  @Test
  void exactly_the_requested_number_of_students_with_distinct_ids() {
    assertThat(STUDENTS).hasSize(100_000);
    assertThat(STUDENTS.stream().map(Student::id).distinct()).hasSize(100_000);
  }

  @Test
  void every_student_has_one_to_three_fee_records() {
    assertThat(STUDENTS).allSatisfy(student -> assertThat(student.fees()).hasSizeBetween(1, 3));
  }

  @Test
  void about_seventy_percent_of_students_owe_something() {
    // when
    long owing = STUDENTS.stream().filter(student -> !student.totalBalance().isZero()).count();

    // then
    assertThat(owing / 100_000.0).isBetween(0.67, 0.73);
  }

  @Test
  void some_siblings_share_a_guardian_phone() {
    // when
    Map<String, Long> studentsPerPhone =
        STUDENTS.stream()
            .map(Student::guardianPhone)
            .flatMap(Optional::stream)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    // then
    long shared = studentsPerPhone.values().stream().filter(count -> count > 1).count();
    assertThat(shared).isGreaterThan(5_000);
  }

  @Test
  void the_template_uses_six_or_more_placeholders_including_the_fallback() {
    assertThat(BenchmarkAccount.TEMPLATE)
        .contains("{amountDue}", "{months}", "{dueDate}", "{guardianName|Parent}");
    assertThat(BenchmarkAccount.TEMPLATE.chars().filter(c -> c == '{').count())
        .isGreaterThanOrEqualTo(6);
  }
}
