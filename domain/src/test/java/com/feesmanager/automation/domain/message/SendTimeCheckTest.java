package com.feesmanager.automation.domain.message;

import static com.feesmanager.automation.domain.message.ReminderTestData.aStudent;
import static com.feesmanager.automation.domain.message.ReminderTestData.anAccount;
import static com.feesmanager.automation.domain.message.ReminderTestData.unpaid;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendTimeCheckTest {

  private final ReminderPlanner planner = new ReminderPlanner(new PhoneNormaliser("92"));

  private static RuleDraft rule(boolean enabled, String audience) {
    return new RuleDraft(
        "r",
        Optional.of("R"),
        enabled,
        Optional.of("DAILY"),
        Optional.of("10:00"),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(audience),
        Optional.empty(),
        Optional.of("Dear parent"),
        Optional.empty(),
        true,
        List.of());
  }

  private static Student sibling(String id, String guardianPhone) {
    return aStudent(id, "Name " + id)
        .guardianPhone(guardianPhone)
        .fee(unpaid("2026-11", 5000, "2026-11-10"))
        .build();
  }

  /** A consolidated message to the shared guardian number of s1 and s2. */
  private static PlannedMessage toSiblings() {
    return new PlannedMessage(
        new MessageKey("k"),
        List.of("s1", "s2"),
        List.of("Name s1", "Name s2"),
        new PhoneNumber("923001234567"),
        "Dear parent",
        List.of(
            new MatchedFees("s1", List.of(YearMonth.of(2026, 11))),
            new MatchedFees("s2", List.of(YearMonth.of(2026, 11)))));
  }

  private Optional<SkipReason> check(RuleDraft rule, Student s1, Student s2) {
    Map<String, Optional<Student>> now = new LinkedHashMap<>();
    now.put("s1", Optional.ofNullable(s1));
    now.put("s2", Optional.ofNullable(s2));
    return SendTimeCheck.reasonNotToSend(
        Optional.of(anAccount()), Optional.of(rule), now, toSiblings(), planner::recipients);
  }

  @Test
  void a_message_still_wanted_goes() {
    assertThat(
            check(
                rule(true, "GUARDIAN"), sibling("s1", "03001234567"), sibling("s2", "03001234567")))
        .isEmpty();
  }

  @Test
  void one_opted_out_sibling_stops_the_consolidated_message_that_names_them_both() {
    Student optedOut = aStudent("s2", "Name s2").guardianPhone("03001234567").optedOut().build();

    assertThat(check(rule(true, "GUARDIAN"), sibling("s1", "03001234567"), optedOut))
        .contains(SkipReason.OPTED_OUT);
  }

  @Test
  void opted_out_comes_before_inactive_and_a_disabled_rule_before_both() {
    Student optedOut = aStudent("s1", "Name s1").guardianPhone("03001234567").optedOut().build();

    assertThat(check(rule(true, "GUARDIAN"), optedOut, null)).contains(SkipReason.OPTED_OUT);
    assertThat(check(rule(false, "GUARDIAN"), optedOut, null)).contains(SkipReason.RULE_DISABLED);
  }

  @Test
  void with_audience_both_the_students_own_number_is_still_a_recipient() {
    Student withOwnPhone =
        aStudent("s1", "Name s1")
            .guardianPhone("03339998887")
            .phone("03001234567")
            .fee(unpaid("2026-11", 5000, "2026-11-10"))
            .build();

    assertThat(check(rule(true, "BOTH"), withOwnPhone, sibling("s2", "03001234567"))).isEmpty();
    assertThat(check(rule(true, "GUARDIAN"), withOwnPhone, sibling("s2", "03001234567")))
        .contains(SkipReason.RECIPIENT_CHANGED);
  }

  @Test
  void paid_only_when_every_student_of_the_message_has_paid() {
    Student paid =
        aStudent("s1", "Name s1")
            .guardianPhone("03001234567")
            .fee(
                new FeeRecord(
                    YearMonth.of(2026, 11),
                    Money.of(5000),
                    Money.of(5000),
                    LocalDate.of(2026, 11, 10)))
            .build();
    Student paidToo =
        aStudent("s2", "Name s2")
            .guardianPhone("03001234567")
            .fee(
                new FeeRecord(
                    YearMonth.of(2026, 11),
                    Money.of(5000),
                    Money.of(5000),
                    LocalDate.of(2026, 11, 10)))
            .build();

    assertThat(check(rule(true, "GUARDIAN"), paid, sibling("s2", "03001234567"))).isEmpty();
    assertThat(check(rule(true, "GUARDIAN"), paid, paidToo)).contains(SkipReason.PAID_SINCE_QUEUED);
  }
}
