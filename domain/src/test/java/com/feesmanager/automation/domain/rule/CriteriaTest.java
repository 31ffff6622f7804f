package com.feesmanager.automation.domain.rule;

import static com.feesmanager.automation.domain.message.ReminderTestData.aStudent;
import static com.feesmanager.automation.domain.message.ReminderTestData.paying;
import static com.feesmanager.automation.domain.message.ReminderTestData.unpaid;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CriteriaTest {

  private static final LocalDate DUE = LocalDate.parse("2026-11-10");
  private static final FeeRecord NOVEMBER = unpaid("2026-11", 5000, "2026-11-10");

  private static Criteria overdueWindow(Integer min, Integer max) {
    return new Criteria(
        Set.of(FeeStatus.UNPAID, FeeStatus.PARTIAL),
        min == null ? OptionalInt.empty() : OptionalInt.of(min),
        max == null ? OptionalInt.empty() : OptionalInt.of(max),
        OptionalInt.empty(),
        Set.of(),
        Optional.empty());
  }

  private static Criteria dueWithin(int days) {
    return new Criteria(
        Set.of(FeeStatus.UNPAID, FeeStatus.PARTIAL),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.of(days),
        Set.of(),
        Optional.empty());
  }

  private static Criteria statuses(FeeStatus... statuses) {
    return new Criteria(
        Set.of(statuses),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Set.of(),
        Optional.empty());
  }

  private static Criteria classes(String... classes) {
    return new Criteria(
        Set.of(FeeStatus.UNPAID, FeeStatus.PARTIAL),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Set.of(classes),
        Optional.empty());
  }

  private static Criteria minBalance(long wholeUnits) {
    return new Criteria(
        Set.of(FeeStatus.UNPAID, FeeStatus.PARTIAL),
        OptionalInt.of(1),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Set.of(),
        Optional.of(Money.of(wholeUnits)));
  }

  @Nested
  class FeeRecords {

    @Test
    void the_due_date_itself_is_not_overdue_and_the_day_after_is_one_day_overdue() {
      // given
      Criteria atLeastZeroDaysOverdue = overdueWindow(0, null);

      // when / then
      assertThat(atLeastZeroDaysOverdue.matches(NOVEMBER, DUE)).isFalse();
      assertThat(atLeastZeroDaysOverdue.matches(NOVEMBER, DUE.plusDays(1))).isTrue();
      assertThat(NOVEMBER.daysOverdueOn(DUE.plusDays(1))).isEqualTo(1);
    }

    @Test
    void minDaysOverdue_holds_from_that_many_days_after_the_due_date() {
      // given
      Criteria atLeastThreeDays = overdueWindow(3, null);

      // when / then
      assertThat(atLeastThreeDays.matches(NOVEMBER, DUE.plusDays(2))).isFalse();
      assertThat(atLeastThreeDays.matches(NOVEMBER, DUE.plusDays(3))).isTrue();
      assertThat(atLeastThreeDays.matches(NOVEMBER, DUE.plusDays(300))).isTrue();
    }

    @Test
    void maxDaysOverdue_needs_the_record_overdue_by_at_most_that_many_days() {
      // given
      Criteria atMostFiveDays = overdueWindow(null, 5);

      // when / then
      assertThat(atMostFiveDays.matches(NOVEMBER, DUE.minusDays(1))).isFalse();
      assertThat(atMostFiveDays.matches(NOVEMBER, DUE)).isFalse();
      assertThat(atMostFiveDays.matches(NOVEMBER, DUE.plusDays(1))).isTrue();
      assertThat(atMostFiveDays.matches(NOVEMBER, DUE.plusDays(5))).isTrue();
      assertThat(atMostFiveDays.matches(NOVEMBER, DUE.plusDays(6))).isFalse();
    }

    @Test
    void a_closed_overdue_window_holds_only_between_its_bounds() {
      // given
      Criteria exactlySevenDays = overdueWindow(7, 7);

      // when / then
      assertThat(exactlySevenDays.matches(NOVEMBER, DUE.plusDays(6))).isFalse();
      assertThat(exactlySevenDays.matches(NOVEMBER, DUE.plusDays(7))).isTrue();
      assertThat(exactlySevenDays.matches(NOVEMBER, DUE.plusDays(8))).isFalse();
    }

    @Test
    void dueWithinDays_holds_from_that_many_days_before_the_due_date_up_to_the_due_date() {
      // given
      Criteria withinThreeDays = dueWithin(3);

      // when / then
      assertThat(withinThreeDays.matches(NOVEMBER, DUE.minusDays(4))).isFalse();
      assertThat(withinThreeDays.matches(NOVEMBER, DUE.minusDays(3))).isTrue();
      assertThat(withinThreeDays.matches(NOVEMBER, DUE)).isTrue();
      assertThat(withinThreeDays.matches(NOVEMBER, DUE.plusDays(1))).isFalse();
    }

    @Test
    void dueWithinZeroDays_holds_on_the_due_date_only() {
      // given
      Criteria onTheDay = dueWithin(0);

      // when / then
      assertThat(onTheDay.matches(NOVEMBER, DUE.minusDays(1))).isFalse();
      assertThat(onTheDay.matches(NOVEMBER, DUE)).isTrue();
      assertThat(onTheDay.matches(NOVEMBER, DUE.plusDays(1))).isFalse();
    }

    @Test
    void without_a_window_any_owed_record_matches_whether_due_or_not() {
      // given
      Criteria any = Criteria.any();

      // when / then
      assertThat(any.matches(NOVEMBER, DUE.minusDays(30))).isTrue();
      assertThat(any.matches(NOVEMBER, DUE.plusDays(30))).isTrue();
    }

    @Test
    void a_paid_record_never_matches() {
      // given
      FeeRecord paid = paying("2026-11", "5000", "5000", "2026-11-10");
      FeeRecord overpaid = paying("2026-11", "5000", "6000", "2026-11-10");

      // when / then
      assertThat(Criteria.any().matches(paid, DUE.plusDays(5))).isFalse();
      assertThat(Criteria.any().matches(overpaid, DUE.plusDays(5))).isFalse();
      assertThat(dueWithin(5).matches(paid, DUE)).isFalse();
    }

    @Test
    void only_records_in_the_listed_statuses_match() {
      // given
      FeeRecord partial = paying("2026-11", "5000", "1000", "2026-11-10");

      // when / then
      assertThat(statuses(FeeStatus.PARTIAL).matches(partial, DUE)).isTrue();
      assertThat(statuses(FeeStatus.PARTIAL).matches(NOVEMBER, DUE)).isFalse();
      assertThat(statuses(FeeStatus.UNPAID).matches(partial, DUE)).isFalse();
      assertThat(statuses(FeeStatus.UNPAID).matches(NOVEMBER, DUE)).isTrue();
    }
  }

  @Nested
  class Students {

    @Test
    void a_student_matches_with_only_the_matching_records_earliest_first() {
      // given
      FeeRecord october = unpaid("2026-10", 5000, "2026-10-10");
      FeeRecord paidSeptember = paying("2026-09", "5000", "5000", "2026-09-10");
      FeeRecord notYetOverdueDecember = unpaid("2026-12", 5000, "2026-12-10");
      Student ali =
          aStudent("s1", "Ali")
              .fee(notYetOverdueDecember)
              .fee(NOVEMBER)
              .fee(paidSeptember)
              .fee(october)
              .build();
      LocalDate date = DUE.plusDays(1);

      // when
      Optional<StudentMatch> match = overdueWindow(1, null).match(ali, date);

      // then
      assertThat(match).isPresent();
      assertThat(match.get().student()).isEqualTo(ali);
      assertThat(match.get().matched()).containsExactly(october, NOVEMBER);
      assertThat(match.get().date()).isEqualTo(date);
      assertThat(match.get().amountDue()).isEqualTo(Money.of(10_000));
    }

    @Test
    void an_inactive_student_never_matches() {
      // given
      Student left = aStudent("s1", "Ali").inactive().fee(NOVEMBER).build();

      // when / then
      assertThat(Criteria.any().match(left, DUE)).isEmpty();
    }

    @Test
    void a_student_without_a_matching_record_does_not_match() {
      // given
      Student paidUp =
          aStudent("s1", "Ali").fee(paying("2026-11", "5000", "5000", "2026-11-10")).build();
      Student noFees = aStudent("s2", "Bilal").build();

      // when / then
      assertThat(Criteria.any().match(paidUp, DUE)).isEmpty();
      assertThat(Criteria.any().match(noFees, DUE)).isEmpty();
    }

    @Test
    void an_empty_class_filter_lets_every_student_through_even_without_a_class() {
      // given
      Student noClass = aStudent("s1", "Ali").fee(NOVEMBER).build();

      // when / then
      assertThat(classes().match(noClass, DUE)).isPresent();
    }

    @Test
    void a_class_filter_keeps_students_of_those_classes_only() {
      // given
      Student inFive = aStudent("s1", "Ali").inClass("Class 5").fee(NOVEMBER).build();
      Student inSix = aStudent("s2", "Bilal").inClass("Class 6").fee(NOVEMBER).build();
      Student noClass = aStudent("s3", "Sara").fee(NOVEMBER).build();
      Criteria classFive = classes("Class 5", "Class 7");

      // when / then
      assertThat(classFive.match(inFive, DUE)).isPresent();
      assertThat(classFive.match(inSix, DUE)).isEmpty();
      assertThat(classFive.match(noClass, DUE)).isEmpty();
    }

    @Test
    void minBalance_compares_the_sum_of_the_matched_balances_only() {
      // given
      FeeRecord octoberPartial = paying("2026-10", "5000", "2000", "2026-10-10");
      FeeRecord decemberNotOverdue = unpaid("2026-12", 50_000, "2026-12-10");
      Student ali =
          aStudent("s1", "Ali").fee(octoberPartial).fee(NOVEMBER).fee(decemberNotOverdue).build();
      LocalDate date = DUE.plusDays(1);

      // when / then: matched balances are 3,000 + 5,000 = 8,000; December is not overdue
      assertThat(minBalance(8000).match(ali, date)).isPresent();
      assertThat(minBalance(8001).match(ali, date)).isEmpty();
    }
  }
}
