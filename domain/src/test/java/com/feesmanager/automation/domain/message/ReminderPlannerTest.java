package com.feesmanager.automation.domain.message;

import static com.feesmanager.automation.domain.message.ReminderTestData.RULE_ID;
import static com.feesmanager.automation.domain.message.ReminderTestData.UID;
import static com.feesmanager.automation.domain.message.ReminderTestData.aRule;
import static com.feesmanager.automation.domain.message.ReminderTestData.aStudent;
import static com.feesmanager.automation.domain.message.ReminderTestData.anAccount;
import static com.feesmanager.automation.domain.message.ReminderTestData.occurrenceAt;
import static com.feesmanager.automation.domain.message.ReminderTestData.paying;
import static com.feesmanager.automation.domain.message.ReminderTestData.unpaid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Audience;
import com.feesmanager.automation.domain.rule.Criteria;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.template.CompiledTemplate;
import com.feesmanager.automation.domain.template.PlaceholderName;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {

  private static final String OCCURRENCE = "2026-11-15T10:00";
  private static final FeeRecord NOVEMBER = unpaid("2026-11", 5000, "2026-11-10");
  private static final String ALI_PHONE = "0300-1111111";
  private static final PhoneNumber ALI_NUMBER = new PhoneNumber("923001111111");
  private static final String GUARDIAN_PHONE = "+92 321 2222222";
  private static final PhoneNumber GUARDIAN_NUMBER = new PhoneNumber("923212222222");

  private final ReminderPlanner planner = new ReminderPlanner(new PhoneNormaliser("92"));

  private ReminderPlan plan(Rule rule, Student... students) {
    return planner.plan(anAccount(), rule, occurrenceAt(OCCURRENCE), List.of(students));
  }

  private static Rule guardianRule(String body) {
    return aRule(body).build();
  }

  private static MessageKey keyFor(PhoneNumber to, String... studentIds) {
    return MessageKey.of(UID, RULE_ID, OCCURRENCE, List.of(studentIds), to);
  }

  private static Skip skip(Student student, SkipReason reason) {
    return new Skip(student.id(), student.name(), Optional.empty(), reason);
  }

  private static Skip skip(Student student, PhoneNumber to, SkipReason reason) {
    return new Skip(student.id(), student.name(), Optional.of(to), reason);
  }

  @Nested
  class OneMessagePerStudent {

    @Test
    void a_matching_student_gets_a_rendered_keyed_message_for_the_guardian() {
      // given
      FeeRecord october = unpaid("2026-10", 5000, "2026-10-10");
      Student ali =
          aStudent("s1", "Ali")
              .guardian("Imran")
              .guardianPhone(GUARDIAN_PHONE)
              .phone(ALI_PHONE)
              .fee(NOVEMBER)
              .fee(october)
              .build();
      Rule rule = guardianRule("Dear {guardianName}, {studentName} owes {amountDue} for {months}.");

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.matched()).isEqualTo(1);
      assertThat(plan.skips()).isEmpty();
      assertThat(plan.occurrence()).isEqualTo(occurrenceAt(OCCURRENCE));
      assertThat(plan.messages())
          .containsExactly(
              new PlannedMessage(
                  keyFor(GUARDIAN_NUMBER, "s1"),
                  List.of("s1"),
                  List.of("Ali"),
                  GUARDIAN_NUMBER,
                  "Dear Imran, Ali owes PKR 10,000 for October, November 2026.",
                  List.of(
                      new MatchedFees(
                          "s1", List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))))));
    }

    @Test
    void students_are_matched_on_the_occurrences_local_date() {
      // given: a reminder for records overdue by at least one day
      Rule rule =
          aRule("{studentName}")
              .criteria(
                  new Criteria(
                      Set.of(FeeStatus.UNPAID),
                      OptionalInt.of(1),
                      OptionalInt.empty(),
                      OptionalInt.empty(),
                      Set.of(),
                      Optional.empty()))
              .build();
      Student dueOnTheTenth = aStudent("s1", "Ali").phone(ALI_PHONE).fee(NOVEMBER).build();
      // fires at 23:30 UTC on the 10th, which is already the 11th in Karachi
      Occurrence onTheTenth =
          new Occurrence(
              RULE_ID,
              LocalDateTime.parse("2026-11-10T10:00"),
              LocalDateTime.parse("2026-11-10T10:00").toInstant(ZoneOffset.ofHours(5)));
      Occurrence onTheEleventh =
          new Occurrence(
              RULE_ID,
              LocalDateTime.parse("2026-11-11T04:30"),
              LocalDateTime.parse("2026-11-10T23:30").toInstant(ZoneOffset.UTC));

      // when
      ReminderPlan tenth = planner.plan(anAccount(), rule, onTheTenth, List.of(dueOnTheTenth));
      ReminderPlan eleventh =
          planner.plan(anAccount(), rule, onTheEleventh, List.of(dueOnTheTenth));

      // then
      assertThat(tenth.matched()).isZero();
      assertThat(tenth.messages()).isEmpty();
      assertThat(eleventh.matched()).isEqualTo(1);
      assertThat(eleventh.messages()).hasSize(1);
    }

    @Test
    void inactive_and_non_matching_students_are_ignored_silently() {
      // given
      Student left = aStudent("s1", "Ali").inactive().phone(ALI_PHONE).fee(NOVEMBER).build();
      Student paidUp =
          aStudent("s2", "Bilal")
              .phone(ALI_PHONE)
              .fee(paying("2026-11", "5000", "5000", "2026-11-10"))
              .build();

      // when
      ReminderPlan plan = plan(guardianRule("{studentName}"), left, paidUp);

      // then
      assertThat(plan.matched()).isZero();
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips()).isEmpty();
    }

    @Test
    void an_opted_out_student_is_skipped_first_even_without_a_phone() {
      // given
      Student optedOut = aStudent("s1", "Ali").optedOut().fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("{guardianName}"), optedOut);

      // then
      assertThat(plan.matched()).isEqualTo(1);
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips()).containsExactly(skip(optedOut, SkipReason.OPTED_OUT));
    }

    @Test
    void a_student_without_any_number_is_skipped_with_no_phone() {
      // given
      Student none = aStudent("s1", "Ali").fee(NOVEMBER).build();
      Student blank = aStudent("s2", "Bilal").phone(" ").guardianPhone("").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("{studentName}"), none, blank);

      // then
      assertThat(plan.matched()).isEqualTo(2);
      assertThat(plan.skips())
          .containsExactly(skip(none, SkipReason.NO_PHONE), skip(blank, SkipReason.NO_PHONE));
    }

    @Test
    void
        the_guardian_audience_falls_back_to_the_students_phone_when_guardian_phone_is_absent_or_blank() {
      // given
      Student absent = aStudent("s1", "Ali").phone(ALI_PHONE).fee(NOVEMBER).build();
      Student blank =
          aStudent("s2", "Bilal").phone(ALI_PHONE).guardianPhone("  ").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("{studentName}"), absent, blank);

      // then
      assertThat(plan.messages())
          .extracting(PlannedMessage::to)
          .containsExactly(ALI_NUMBER, ALI_NUMBER);
      assertThat(plan.skips()).isEmpty();
    }

    @Test
    void an_invalid_guardian_phone_is_skipped_not_replaced_by_the_students_phone() {
      // given
      Student ali =
          aStudent("s1", "Ali").guardianPhone("0300-CALL").phone(ALI_PHONE).fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("{studentName}"), ali);

      // then
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips()).containsExactly(skip(ali, SkipReason.INVALID_PHONE));
    }

    @Test
    void the_student_audience_uses_only_the_students_phone() {
      // given
      Rule rule = aRule("{studentName}").audience(Audience.STUDENT).build();
      Student withPhone =
          aStudent("s1", "Ali")
              .phone(ALI_PHONE)
              .guardianPhone(GUARDIAN_PHONE)
              .fee(NOVEMBER)
              .build();
      Student guardianOnly =
          aStudent("s2", "Bilal").guardianPhone(GUARDIAN_PHONE).fee(NOVEMBER).build();
      Student invalid = aStudent("s3", "Sara").phone("12345").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(rule, withPhone, guardianOnly, invalid);

      // then
      assertThat(plan.messages()).extracting(PlannedMessage::to).containsExactly(ALI_NUMBER);
      assertThat(plan.skips())
          .containsExactly(
              skip(guardianOnly, SkipReason.NO_PHONE), skip(invalid, SkipReason.INVALID_PHONE));
    }

    @Test
    void a_missing_value_without_fallback_skips_the_student_with_its_number() {
      // given
      Student ali = aStudent("s1", "Ali").phone(ALI_PHONE).fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("Dear {guardianName}, {studentName}"), ali);

      // then
      assertThat(plan.matched()).isEqualTo(1);
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips())
          .containsExactly(
              skip(ali, ALI_NUMBER, SkipReason.missingValue(PlaceholderName.GUARDIAN_NAME)));
      assertThat(plan.skips().get(0).reason().code()).isEqualTo("MISSING_VALUE:guardianName");
    }

    @Test
    void a_missing_value_with_a_fallback_is_sent_with_the_fallback() {
      // given
      Student ali = aStudent("s1", "Ali").guardian(" ").phone(ALI_PHONE).fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("Dear {guardianName|Parent}, {studentName}"), ali);

      // then
      assertThat(plan.skips()).isEmpty();
      assertThat(plan.messages())
          .extracting(PlannedMessage::body)
          .containsExactly("Dear Parent, Ali");
    }

    @Test
    void a_body_of_exactly_4096_characters_is_sent_and_one_more_is_skipped() {
      // given
      String padding = "x".repeat(CompiledTemplate.MAX_BODY_LENGTH - 1);
      Rule rule = guardianRule(padding + "{studentName}");
      Student fits = aStudent("s1", "A").phone(ALI_PHONE).fee(NOVEMBER).build();
      Student tooLong = aStudent("s2", "Bo").phone(GUARDIAN_PHONE).fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(rule, fits, tooLong);

      // then
      assertThat(plan.messages()).extracting(PlannedMessage::body).containsExactly(padding + "A");
      assertThat(plan.skips())
          .containsExactly(skip(tooLong, GUARDIAN_NUMBER, SkipReason.BODY_TOO_LONG));
    }

    @Test
    void output_follows_the_students_order() {
      // given
      Student sara = aStudent("s3", "Sara").phone("03003333333").fee(NOVEMBER).build();
      Student ali = aStudent("s1", "Ali").phone(ALI_PHONE).fee(NOVEMBER).build();
      Student bilal = aStudent("s2", "Bilal").fee(NOVEMBER).build();
      Student zara = aStudent("s4", "Zara").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(guardianRule("{studentName}"), sara, bilal, ali, zara);

      // then
      assertThat(plan.messages()).extracting(PlannedMessage::body).containsExactly("Sara", "Ali");
      assertThat(plan.skips()).extracting(Skip::studentId).containsExactly("s2", "s4");
    }

    @Test
    void an_occurrence_of_another_rule_is_a_programming_error() {
      // given
      Occurrence other =
          new Occurrence(
              "another-rule",
              LocalDateTime.parse(OCCURRENCE),
              LocalDateTime.parse(OCCURRENCE).toInstant(ZoneOffset.ofHours(5)));

      // when / then
      assertThatThrownBy(
              () -> planner.plan(anAccount(), guardianRule("{studentName}"), other, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class AudienceBoth {

    private final Rule rule = aRule("{studentName}").audience(Audience.BOTH).build();

    @Test
    void two_valid_numbers_get_one_message_each_guardian_first() {
      // given
      Student ali =
          aStudent("s1", "Ali")
              .phone(ALI_PHONE)
              .guardianPhone(GUARDIAN_PHONE)
              .fee(NOVEMBER)
              .build();

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.matched()).isEqualTo(1);
      assertThat(plan.messages())
          .extracting(PlannedMessage::to, PlannedMessage::key)
          .containsExactly(
              tuple(GUARDIAN_NUMBER, keyFor(GUARDIAN_NUMBER, "s1")),
              tuple(ALI_NUMBER, keyFor(ALI_NUMBER, "s1")));
      assertThat(plan.skips()).isEmpty();
    }

    @Test
    void the_same_number_written_twice_gets_one_message() {
      // given
      Student ali =
          aStudent("s1", "Ali")
              .phone("0300-1111111")
              .guardianPhone("+923001111111")
              .fee(NOVEMBER)
              .build();

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.messages()).extracting(PlannedMessage::to).containsExactly(ALI_NUMBER);
    }

    @Test
    void one_valid_and_one_invalid_number_get_the_valid_message_and_no_skip() {
      // given
      Student badGuardian =
          aStudent("s1", "Ali").phone(ALI_PHONE).guardianPhone("12").fee(NOVEMBER).build();
      Student badOwn =
          aStudent("s2", "Bilal")
              .phone("call me")
              .guardianPhone(GUARDIAN_PHONE)
              .fee(NOVEMBER)
              .build();

      // when
      ReminderPlan plan = plan(rule, badGuardian, badOwn);

      // then
      assertThat(plan.messages())
          .extracting(PlannedMessage::to)
          .containsExactly(ALI_NUMBER, GUARDIAN_NUMBER);
      assertThat(plan.skips()).isEmpty();
    }

    @Test
    void only_one_number_present_gets_that_message() {
      // given
      Student ali = aStudent("s1", "Ali").phone(ALI_PHONE).fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.messages()).extracting(PlannedMessage::to).containsExactly(ALI_NUMBER);
    }

    @Test
    void two_invalid_numbers_are_skipped_as_invalid_phone() {
      // given
      Student ali = aStudent("s1", "Ali").phone("12").guardianPhone("abc").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips()).containsExactly(skip(ali, SkipReason.INVALID_PHONE));
    }

    @Test
    void no_number_at_all_is_skipped_as_no_phone() {
      // given
      Student ali = aStudent("s1", "Ali").guardianPhone(" ").fee(NOVEMBER).build();

      // when
      ReminderPlan plan = plan(rule, ali);

      // then
      assertThat(plan.skips()).containsExactly(skip(ali, SkipReason.NO_PHONE));
    }
  }

  @Nested
  class Consolidated {

    private final FeeRecord october = unpaid("2026-10", 5000, "2026-10-10");

    private Student sibling(String id, String name) {
      return aStudent(id, name)
          .guardian("Imran Khan")
          .guardianPhone(GUARDIAN_PHONE)
          .fee(NOVEMBER)
          .build();
    }

    @Test
    void three_siblings_sharing_a_guardian_get_one_message_in_name_order() {
      // given
      Student sara = sibling("s9", "Sara");
      Student ali =
          aStudent("s5", "Ali")
              .guardian("Imran Khan")
              .guardianPhone("0321-2222222")
              .fee(october)
              .fee(NOVEMBER)
              .build();
      Student bilal = sibling("s1", "Bilal");
      Rule rule =
          aRule("Dear {guardianName}, fees of {studentName} for {months}: {amountDue}.")
              .consolidated()
              .build();

      // when
      ReminderPlan plan = plan(rule, sara, ali, bilal);

      // then
      assertThat(plan.matched()).isEqualTo(3);
      assertThat(plan.skips()).isEmpty();
      assertThat(plan.messages())
          .containsExactly(
              new PlannedMessage(
                  keyFor(GUARDIAN_NUMBER, "s1", "s5", "s9"),
                  List.of("s5", "s1", "s9"),
                  List.of("Ali", "Bilal", "Sara"),
                  GUARDIAN_NUMBER,
                  "Dear Imran Khan, fees of Ali, Bilal and Sara for October, November 2026:"
                      + " PKR 20,000.",
                  List.of(
                      new MatchedFees(
                          "s5", List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))),
                      new MatchedFees("s1", List.of(YearMonth.of(2026, 11))),
                      new MatchedFees("s9", List.of(YearMonth.of(2026, 11))))));
    }

    @Test
    void a_sibling_skipped_for_a_reason_is_left_out_and_reported_on_its_own() {
      // given
      Student sara = sibling("s3", "Sara");
      Student ali =
          aStudent("s1", "Ali")
              .guardian("Imran Khan")
              .guardianPhone(GUARDIAN_PHONE)
              .optedOut()
              .fee(NOVEMBER)
              .build();
      Student bilal = sibling("s2", "Bilal");
      Rule rule = aRule("{studentName}").consolidated().build();

      // when
      ReminderPlan plan = plan(rule, sara, ali, bilal);

      // then
      assertThat(plan.matched()).isEqualTo(3);
      assertThat(plan.messages())
          .extracting(PlannedMessage::body)
          .containsExactly("Bilal and Sara");
      assertThat(plan.messages().get(0).studentIds()).containsExactly("s2", "s3");
      assertThat(plan.skips()).containsExactly(skip(ali, SkipReason.OPTED_OUT));
    }

    @Test
    void recipients_get_their_messages_in_order_of_first_appearance() {
      // given
      Student zara = aStudent("s4", "Zara").phone("0300-4444444").fee(NOVEMBER).build();
      Student sara = sibling("s3", "Sara");
      Student ali = sibling("s1", "Ali");
      Rule rule = aRule("{studentName}").consolidated().build();

      // when
      ReminderPlan plan = plan(rule, zara, sara, ali);

      // then
      assertThat(plan.messages())
          .extracting(PlannedMessage::body)
          .containsExactly("Zara", "Ali and Sara");
      assertThat(plan.messages().get(0).key())
          .isEqualTo(keyFor(new PhoneNumber("923004444444"), "s4"));
    }

    @Test
    void a_group_that_cannot_be_rendered_skips_each_of_its_students_with_the_reason() {
      // given
      Student sara = aStudent("s3", "Sara").guardianPhone(GUARDIAN_PHONE).fee(NOVEMBER).build();
      Student ali = aStudent("s1", "Ali").guardianPhone(GUARDIAN_PHONE).fee(NOVEMBER).build();
      Student zara =
          aStudent("s4", "Zara").guardian("Ayesha").phone("0300-4444444").fee(NOVEMBER).build();
      Rule rule = aRule("Dear {guardianName}").consolidated().build();

      // when
      ReminderPlan plan = plan(rule, sara, zara, ali);

      // then
      SkipReason missingGuardian = new SkipReason("MISSING_VALUE:guardianName");
      assertThat(plan.matched()).isEqualTo(3);
      assertThat(plan.messages()).extracting(PlannedMessage::body).containsExactly("Dear Ayesha");
      assertThat(plan.skips())
          .containsExactly(
              skip(ali, GUARDIAN_NUMBER, missingGuardian),
              skip(sara, GUARDIAN_NUMBER, missingGuardian));
    }

    @Test
    void a_consolidated_body_over_the_limit_skips_the_group_as_too_long() {
      // given
      Student ali = sibling("s1", "Ali");
      Student bilal = sibling("s2", "Bilal");
      Rule rule = aRule("x".repeat(4090) + "{studentName}").consolidated().build();

      // when
      ReminderPlan plan = plan(rule, ali, bilal);

      // then: "Ali and Bilal" takes the body past 4096 characters
      assertThat(plan.messages()).isEmpty();
      assertThat(plan.skips())
          .containsExactly(
              skip(ali, GUARDIAN_NUMBER, SkipReason.BODY_TOO_LONG),
              skip(bilal, GUARDIAN_NUMBER, SkipReason.BODY_TOO_LONG));
    }

    @Test
    void with_audience_both_a_sibling_is_in_the_guardians_group_and_its_own() {
      // given
      Student ali =
          aStudent("s1", "Ali")
              .guardianPhone(GUARDIAN_PHONE)
              .phone(ALI_PHONE)
              .fee(NOVEMBER)
              .build();
      Student bilal = sibling("s2", "Bilal");
      Rule rule = aRule("{studentName}").audience(Audience.BOTH).consolidated().build();

      // when
      ReminderPlan plan = plan(rule, ali, bilal);

      // then
      assertThat(plan.messages())
          .extracting(PlannedMessage::to, PlannedMessage::body)
          .containsExactly(tuple(GUARDIAN_NUMBER, "Ali and Bilal"), tuple(ALI_NUMBER, "Ali"));
    }
  }
}
