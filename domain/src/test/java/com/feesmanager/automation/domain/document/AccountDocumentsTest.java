package com.feesmanager.automation.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountDocumentsTest {

  private static final AccountDefaults DEFAULTS =
      new AccountDefaults(ZoneId.of("Europe/London"), "env-session", 7, 70);

  /** A document map from alternating keys and values; values may be null, as Firestore's can. */
  private static Map<String, Object> doc(Object... keysAndValues) {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      doc.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return doc;
  }

  /** A list that may hold nulls. */
  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private static <T> T ok(Mapped<T> mapped) {
    assertThat(mapped).isInstanceOf(Mapped.Ok.class);
    return ((Mapped.Ok<T>) mapped).value();
  }

  private static ListAssert<DocumentProblem> assertBroken(Mapped<?> mapped) {
    assertThat(mapped).isInstanceOf(Mapped.Broken.class);
    return assertThat(((Mapped.Broken<?>) mapped).problems());
  }

  private static void assertOneProblem(Mapped<?> mapped, String path, String field, String says) {
    assertBroken(mapped)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo(path);
              assertThat(problem.field()).isEqualTo(field);
              assertThat(problem.reason()).contains(says);
            });
  }

  @Nested
  class Account {

    private static final String PATH = "users/u1";

    private Mapped<AccountSettings> account(Map<String, Object> doc) {
      return AccountDocuments.account("u1", doc, DEFAULTS);
    }

    private Mapped<AccountSettings> automation(Object... keysAndValues) {
      return account(doc("automation", doc(keysAndValues)));
    }

    @Test
    void an_empty_document_takes_every_default() {
      // when
      AccountSettings account = ok(account(doc()));

      // then
      assertThat(account)
          .isEqualTo(
              new AccountSettings(
                  "u1",
                  "",
                  ZoneId.of("Europe/London"),
                  "PKR",
                  new Automation(false, "env-session", 7, 70, Optional.empty(), Set.of())));
    }

    @Test
    void every_field_is_read() {
      // given
      Map<String, Object> doc =
          doc(
              "academyName", "Bright Future Academy",
              "timezone", "Asia/Karachi",
              "currency", "USD",
              "automation",
                  doc(
                      "enabled",
                      true,
                      "wppSession",
                      "academy-1",
                      "maxPerHour",
                      40,
                      "maxPerDay",
                      400L,
                      "quietHours",
                      doc("start", "22:00", "end", "07:00"),
                      "holidays",
                      List.of("2026-12-25", "2027-01-01")));

      // when
      AccountSettings account = ok(account(doc));

      // then
      assertThat(account)
          .isEqualTo(
              new AccountSettings(
                  "u1",
                  "Bright Future Academy",
                  ZoneId.of("Asia/Karachi"),
                  "USD",
                  new Automation(
                      true,
                      "academy-1",
                      40,
                      400,
                      Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))),
                      Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)))));
    }

    @Test
    void null_and_blank_values_take_the_defaults() {
      // given
      Map<String, Object> doc =
          doc(
              "academyName",
              null,
              "timezone",
              " ",
              "currency",
              "",
              "automation",
              doc(
                  "enabled", null,
                  "wppSession", "",
                  "maxPerHour", null,
                  "quietHours", null,
                  "holidays", null));

      // when
      AccountSettings account = ok(account(doc));

      // then
      assertThat(account.academyName()).isEmpty();
      assertThat(account.timezone()).isEqualTo(DEFAULTS.timezone());
      assertThat(account.currency()).isEqualTo("PKR");
      assertThat(account.automation())
          .isEqualTo(new Automation(false, "env-session", 7, 70, Optional.empty(), Set.of()));
    }

    @Test
    void unknown_fields_are_ignored() {
      // when
      AccountSettings account =
          ok(account(doc("plan", "pro", "automation", doc("enabled", true, "beta", List.of()))));

      // then
      assertThat(account.automation().enabled()).isTrue();
    }

    @Test
    void caps_take_any_whole_number() {
      assertThat(ok(automation("maxPerHour", 50L)).automation().maxPerHour()).isEqualTo(50);
      assertThat(ok(automation("maxPerHour", 50.0)).automation().maxPerHour()).isEqualTo(50);
      assertThat(ok(automation("maxPerDay", new BigDecimal("500.00"))).automation().maxPerDay())
          .isEqualTo(500);
    }

    @Test
    void a_fractional_cap_is_a_problem() {
      assertOneProblem(
          automation("maxPerHour", 1.5), PATH, "automation.maxPerHour", "whole number");
    }

    @Test
    void a_session_name_outside_the_spec_alphabet_is_a_problem() {
      // SPEC §1.1: [A-Za-z0-9_-]{1,64}; a slash or dot could reach another gateway URL
      assertOneProblem(
          automation("wppSession", "../other"), PATH, "automation.wppSession", "A-Z a-z 0-9 _ -");
      assertOneProblem(
          automation("wppSession", "bright future"), PATH, "automation.wppSession", "_ -");
      assertOneProblem(
          automation("wppSession", "s".repeat(65)), PATH, "automation.wppSession", "1 to 64");
      assertOneProblem(automation("wppSession", 7), PATH, "automation.wppSession", "string");
    }

    @Test
    void a_session_name_of_the_spec_alphabet_is_read() {
      String longest = "A_z-9".repeat(12) + "abcd";
      assertThat(ok(automation("wppSession", longest)).automation().wppSession())
          .isEqualTo(longest);
    }

    @Test
    void a_cap_of_zero_or_less_is_a_problem() {
      assertOneProblem(automation("maxPerHour", 0), PATH, "automation.maxPerHour", "> 0");
      assertOneProblem(automation("maxPerDay", -5L), PATH, "automation.maxPerDay", "> 0");
    }

    @Test
    void a_cap_beyond_int_range_is_a_problem() {
      assertOneProblem(
          automation("maxPerDay", 10_000_000_000L), PATH, "automation.maxPerDay", "out of range");
    }

    @Test
    void a_cap_written_as_a_string_is_a_problem() {
      assertOneProblem(
          automation("maxPerHour", "100"), PATH, "automation.maxPerHour", "must be a number");
    }

    @Test
    void an_unknown_time_zone_is_a_problem() {
      assertOneProblem(account(doc("timezone", "Mars/Olympus")), PATH, "timezone", "IANA");
      assertOneProblem(account(doc("timezone", 5)), PATH, "timezone", "must be a string");
    }

    @Test
    void enabled_must_be_a_boolean() {
      assertOneProblem(
          automation("enabled", "true"), PATH, "automation.enabled", "must be true or false");
    }

    @Test
    void automation_must_be_a_map() {
      assertOneProblem(account(doc("automation", "on")), PATH, "automation", "must be a map");
    }

    @Test
    void quiet_hours_may_be_within_one_day() {
      // when
      AccountSettings account = ok(automation("quietHours", doc("start", "13:00", "end", "14:30")));

      // then
      assertThat(account.automation().quietHours())
          .contains(new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 30)));
    }

    @Test
    void quiet_hours_with_neither_end_set_are_none() {
      assertThat(ok(automation("quietHours", doc())).automation().quietHours()).isEmpty();
      assertThat(
              ok(automation("quietHours", doc("start", "", "end", " "))).automation().quietHours())
          .isEmpty();
    }

    @Test
    void quiet_hours_starting_where_they_end_are_a_problem() {
      assertOneProblem(
          automation("quietHours", doc("start", "22:00", "end", "22:00")),
          PATH,
          "automation.quietHours",
          "must differ");
    }

    @Test
    void quiet_hours_need_both_ends() {
      assertOneProblem(
          automation("quietHours", doc("start", "22:00")),
          PATH,
          "automation.quietHours.end",
          "is required");
    }

    @Test
    void quiet_hours_are_written_hh_mm() {
      assertOneProblem(
          automation("quietHours", doc("start", "7:00", "end", "22:00")),
          PATH,
          "automation.quietHours.start",
          "HH:mm");
      assertOneProblem(
          automation("quietHours", doc("start", "22:00", "end", "24:00")),
          PATH,
          "automation.quietHours.end",
          "HH:mm");
      assertOneProblem(
          automation("quietHours", doc("start", "22:00:00", "end", "07:00")),
          PATH,
          "automation.quietHours.start",
          "HH:mm");
      assertOneProblem(
          automation("quietHours", "22:00-07:00"), PATH, "automation.quietHours", "must be a map");
    }

    @Test
    void each_bad_holiday_is_named_by_its_index() {
      // when
      Mapped<AccountSettings> mapped =
          automation("holidays", list("2026-12-25", "2026-02-30", 20261225, null));

      // then
      assertBroken(mapped)
          .extracting(DocumentProblem::path, DocumentProblem::field)
          .containsExactly(
              tuple(PATH, "automation.holidays[1]"),
              tuple(PATH, "automation.holidays[2]"),
              tuple(PATH, "automation.holidays[3]"));
    }

    @Test
    void holidays_must_be_a_list() {
      assertOneProblem(
          automation("holidays", "2026-12-25"), PATH, "automation.holidays", "must be a list");
    }

    @Test
    void every_problem_of_the_document_is_reported_at_once() {
      // given
      Map<String, Object> doc =
          doc("timezone", "Nowhere", "automation", doc("maxPerHour", 0, "enabled", "yes"));

      // when / then
      assertBroken(account(doc))
          .extracting(DocumentProblem::field)
          .containsExactlyInAnyOrder("timezone", "automation.maxPerHour", "automation.enabled");
    }
  }

  @Nested
  class Students {

    private static final String PATH = "users/u1/students/s1";

    private Mapped<Student> student(Map<String, Object> doc) {
      return AccountDocuments.student("u1", "s1", doc);
    }

    private Map<String, Object> fee(Object... keysAndValues) {
      Map<String, Object> fee =
          doc("month", "2026-11", "amount", 5000, "paid", 0, "dueDate", "2026-11-10");
      fee.putAll(doc(keysAndValues));
      return fee;
    }

    private Mapped<Student> withFees(Object... fees) {
      return student(doc("name", "Ali Raza", "fees", list(fees)));
    }

    @Test
    void a_name_alone_takes_every_default() {
      // when
      Student student = ok(student(doc("name", "Ali Raza")));

      // then
      assertThat(student)
          .isEqualTo(
              new Student(
                  "s1",
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
    void every_field_is_read() {
      // given
      Map<String, Object> doc =
          doc(
              "name", "Ali Raza",
              "guardianName", "Raza Ahmed",
              "phone", "0300 1234567",
              "guardianPhone", "+92 321 7654321",
              "className", "Grade 5",
              "active", false,
              "optOut", true,
              "fees",
                  List.of(
                      doc(
                          "month",
                          "2026-10",
                          "amount",
                          5000,
                          "paid",
                          2500,
                          "dueDate",
                          "2026-10-10"),
                      doc("month", "2026-11", "amount", 5000L, "dueDate", "2026-11-10")),
              "rollNo", 17);

      // when
      Student student = ok(student(doc));

      // then
      assertThat(student)
          .isEqualTo(
              new Student(
                  "s1",
                  "Ali Raza",
                  Optional.of("Raza Ahmed"),
                  Optional.of("0300 1234567"),
                  Optional.of("+92 321 7654321"),
                  Optional.of("Grade 5"),
                  false,
                  true,
                  List.of(
                      new FeeRecord(
                          YearMonth.of(2026, 10),
                          Money.of(5000),
                          Money.of(2500),
                          LocalDate.of(2026, 10, 10)),
                      new FeeRecord(
                          YearMonth.of(2026, 11),
                          Money.of(5000),
                          Money.ZERO,
                          LocalDate.of(2026, 11, 10)))));
    }

    @Test
    void blank_and_null_optional_strings_are_absent() {
      // when
      Student student =
          ok(
              student(
                  doc(
                      "name",
                      "Ali Raza",
                      "guardianName",
                      " ",
                      "phone",
                      "",
                      "guardianPhone",
                      null,
                      "className",
                      "\t",
                      "active",
                      null,
                      "optOut",
                      null,
                      "fees",
                      null)));

      // then
      assertThat(student.guardianName()).isEmpty();
      assertThat(student.phone()).isEmpty();
      assertThat(student.guardianPhone()).isEmpty();
      assertThat(student.className()).isEmpty();
      assertThat(student.active()).isTrue();
      assertThat(student.optOut()).isFalse();
      assertThat(student.fees()).isEmpty();
    }

    @Test
    void a_phone_written_as_a_whole_number_is_read_as_its_digits() {
      assertThat(ok(student(doc("name", "A", "phone", 923001234567L))).phone())
          .contains("923001234567");
      assertThat(ok(student(doc("name", "A", "guardianPhone", 9.23001234567E11))).guardianPhone())
          .contains("923001234567");
    }

    @Test
    void a_phone_that_is_no_whole_number_or_string_is_a_problem() {
      assertOneProblem(student(doc("name", "A", "phone", 92.5)), PATH, "phone", "whole number");
      assertOneProblem(
          student(doc("name", "A", "guardianPhone", -3)), PATH, "guardianPhone", "whole number");
      assertOneProblem(student(doc("name", "A", "phone", true)), PATH, "phone", "must be a string");
    }

    @Test
    void the_name_is_required_and_not_blank() {
      assertOneProblem(student(doc()), PATH, "name", "is required");
      assertOneProblem(student(doc("name", null)), PATH, "name", "is required");
      assertOneProblem(student(doc("name", "  ")), PATH, "name", "must not be blank");
      assertOneProblem(student(doc("name", 42)), PATH, "name", "must be a string");
    }

    @Test
    void active_and_opt_out_must_be_booleans() {
      assertOneProblem(student(doc("name", "A", "active", "yes")), PATH, "active", "true or false");
      assertOneProblem(student(doc("name", "A", "optOut", 1)), PATH, "optOut", "true or false");
    }

    @Test
    void amounts_keep_their_decimals_whatever_the_number_type() {
      // when
      Student student =
          ok(
              withFees(
                  fee("amount", 1250.5, "paid", 0.1f),
                  fee("amount", new BigDecimal("999.999"), "paid", 100),
                  fee("amount", 3000L, "paid", 3000.0)));

      // then
      assertThat(student.fees())
          .extracting(FeeRecord::amount, FeeRecord::paid)
          .containsExactly(
              tuple(new Money(125_050), new Money(10)),
              tuple(new Money(100_000), Money.of(100)),
              tuple(Money.of(3000), Money.of(3000)));
    }

    @Test
    void paid_defaults_to_zero() {
      // given
      Map<String, Object> fee = doc("month", "2026-11", "amount", 5000, "dueDate", "2026-11-10");

      // when / then
      assertThat(ok(withFees(fee)).fees().get(0).paid()).isEqualTo(Money.ZERO);
    }

    @Test
    void each_fee_field_is_required_except_paid() {
      assertOneProblem(
          withFees(doc("amount", 5000, "dueDate", "2026-11-10")),
          PATH,
          "fees[0].month",
          "is required");
      assertOneProblem(
          withFees(doc("month", "2026-11", "dueDate", "2026-11-10")),
          PATH,
          "fees[0].amount",
          "is required");
      assertOneProblem(
          withFees(doc("month", "2026-11", "amount", 5000)),
          PATH,
          "fees[0].dueDate",
          "is required");
    }

    @Test
    void each_bad_fee_field_is_named() {
      assertOneProblem(withFees(fee("month", "2026-13")), PATH, "fees[0].month", "YYYY-MM");
      assertOneProblem(withFees(fee("month", "Nov 2026")), PATH, "fees[0].month", "YYYY-MM");
      assertOneProblem(
          withFees(fee("dueDate", "10/11/2026")), PATH, "fees[0].dueDate", "YYYY-MM-DD");
      assertOneProblem(
          withFees(fee("dueDate", "2026-02-29")), PATH, "fees[0].dueDate", "YYYY-MM-DD");
      assertOneProblem(withFees(fee("amount", -1)), PATH, "fees[0].amount", "≥ 0");
      assertOneProblem(withFees(fee("amount", "5000")), PATH, "fees[0].amount", "must be a number");
      assertOneProblem(withFees(fee("amount", Double.NaN)), PATH, "fees[0].amount", "finite");
      assertOneProblem(withFees(fee("amount", 1e30)), PATH, "fees[0].amount", "at most 10^12");
      assertOneProblem(withFees(fee("paid", -0.5)), PATH, "fees[0].paid", "≥ 0");
    }

    @Test
    void fee_amounts_above_ten_to_the_twelfth_cannot_be_understood() {
      // SPEC §1.2: 10^12 itself is fine, anything above it (5×10^16 would overflow sums) is not
      assertThat(ok(withFees(fee("amount", 1_000_000_000_000L))).fees().get(0).amount())
          .isEqualTo(Money.of(1_000_000_000_000L));
      assertOneProblem(
          withFees(fee("amount", 50_000_000_000_000_000L)),
          PATH,
          "fees[0].amount",
          "must be at most 10^12, found 50000000000000000");
      assertOneProblem(
          withFees(fee("paid", new BigDecimal("1000000000000.01"))),
          PATH,
          "fees[0].paid",
          "at most 10^12");
    }

    @Test
    void a_student_with_one_broken_fee_record_is_broken_as_a_whole() {
      // when
      Mapped<Student> mapped = withFees(fee(), fee(), fee("dueDate", "2026-11-31"), fee());

      // then
      assertOneProblem(mapped, PATH, "fees[2].dueDate", "YYYY-MM-DD");
    }

    @Test
    void a_fee_record_must_be_a_map_and_fees_a_list() {
      assertOneProblem(withFees(fee(), "November"), PATH, "fees[1]", "must be a map");
      assertOneProblem(withFees(fee(), null), PATH, "fees[1]", "must not be null");
      assertOneProblem(student(doc("name", "A", "fees", doc())), PATH, "fees", "must be a list");
    }

    @Test
    void every_problem_of_the_document_is_reported_at_once() {
      // when
      Mapped<Student> mapped =
          student(doc("active", "no", "fees", list(fee("amount", -1, "month", "2026-1"))));

      // then
      assertBroken(mapped)
          .extracting(DocumentProblem::field)
          .containsExactlyInAnyOrder("name", "active", "fees[0].month", "fees[0].amount");
    }
  }

  @Nested
  class Templates {

    private static final String PATH = "users/u1/templates/t1";

    private Mapped<Template> template(Map<String, Object> doc) {
      return AccountDocuments.template("u1", "t1", doc);
    }

    @Test
    void name_and_body_are_read() {
      assertThat(ok(template(doc("name", "Reminder", "body", "Dear {guardianName}"))))
          .isEqualTo(new Template("t1", "Reminder", "Dear {guardianName}"));
    }

    @Test
    void a_missing_or_blank_name_is_the_id() {
      assertThat(ok(template(doc("body", "Hi"))).name()).isEqualTo("t1");
      assertThat(ok(template(doc("name", " ", "body", "Hi"))).name()).isEqualTo("t1");
    }

    @Test
    void the_body_is_required_and_not_blank() {
      assertOneProblem(template(doc("name", "Reminder")), PATH, "body", "is required");
      assertOneProblem(template(doc("body", "")), PATH, "body", "must not be blank");
      assertOneProblem(template(doc("body", List.of("Hi"))), PATH, "body", "must be a string");
    }

    @Test
    void a_name_of_the_wrong_type_is_a_problem() {
      assertOneProblem(template(doc("name", 3, "body", "Hi")), PATH, "name", "must be a string");
    }
  }

  @Nested
  class Rules {

    private RuleDraft rule(Map<String, Object> doc) {
      return AccountDocuments.rule("u1", "r1", doc);
    }

    private List<RuleProblem> problems(Map<String, Object> doc) {
      return rule(doc).problems();
    }

    @Test
    void an_empty_document_is_a_draft_of_defaults_without_problems() {
      // when
      RuleDraft draft = rule(doc());

      // then
      assertThat(draft)
          .isEqualTo(
              new RuleDraft(
                  "r1",
                  Optional.empty(),
                  true,
                  Optional.empty(),
                  Optional.empty(),
                  List.of(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  false,
                  List.of()));
      assertThat(draft.displayName()).isEqualTo("r1");
    }

    @Test
    void every_field_is_read_raw() {
      // given
      Map<String, Object> doc =
          doc(
              "name", "Overdue reminder",
              "enabled", false,
              "schedule",
                  doc(
                      "frequency",
                      "WEEKLY",
                      "time",
                      "10:00",
                      "daysOfWeek",
                      List.of("MON", "THU"),
                      "dayOfMonth",
                      -1L),
              "criteria",
                  doc(
                      "statuses",
                      List.of("UNPAID"),
                      "minDaysOverdue",
                      3,
                      "maxDaysOverdue",
                      30.0,
                      "dueWithinDays",
                      2L,
                      "classes",
                      List.of("Grade 5", "Grade 6"),
                      "minBalance",
                      1250.5),
              "audience", "BOTH",
              "templateId", "t1",
              "template", "Dear {guardianName}",
              "createdAt", "2026-11-01T09:00:00+05:00",
              "consolidate", true,
              "owner", "someone");

      // when
      RuleDraft draft = rule(doc);

      // then
      assertThat(draft)
          .isEqualTo(
              new RuleDraft(
                  "r1",
                  Optional.of("Overdue reminder"),
                  false,
                  Optional.of("WEEKLY"),
                  Optional.of("10:00"),
                  List.of("MON", "THU"),
                  Optional.of(-1),
                  Optional.of(List.of("UNPAID")),
                  Optional.of(3),
                  Optional.of(30),
                  Optional.of(2),
                  Optional.of(List.of("Grade 5", "Grade 6")),
                  Optional.of(new BigDecimal("1250.5")),
                  Optional.of("BOTH"),
                  Optional.of("t1"),
                  Optional.of("Dear {guardianName}"),
                  Optional.of(Instant.parse("2026-11-01T04:00:00Z")),
                  true,
                  List.of()));
    }

    @Test
    void created_at_is_an_instant_or_an_iso_string_with_offset() {
      Instant instant = Instant.parse("2026-11-01T04:00:00Z");
      assertThat(rule(doc("createdAt", instant)).createdAt()).contains(instant);
      assertThat(rule(doc("createdAt", "2026-11-01T04:00:00Z")).createdAt()).contains(instant);
      assertThat(rule(doc("createdAt", "2026-11-01T04:00:00.000Z")).createdAt()).contains(instant);
    }

    @Test
    void a_created_at_without_offset_or_of_the_wrong_type_is_a_problem() {
      // when
      RuleDraft local = rule(doc("createdAt", "2026-11-01T09:00:00"));
      RuleDraft number = rule(doc("createdAt", 1_761_969_600_000L));

      // then
      assertThat(local.createdAt()).isEmpty();
      assertThat(local.problems()).extracting(RuleProblem::field).containsExactly("createdAt");
      assertThat(number.problems()).extracting(RuleProblem::field).containsExactly("createdAt");
    }

    @Test
    void wrong_types_become_problems_named_like_the_spec() {
      // given
      Map<String, Object> doc =
          doc(
              "name",
              7,
              "enabled",
              "yes",
              "schedule",
              doc("frequency", 1, "time", 1000, "daysOfWeek", "MON", "dayOfMonth", "5"),
              "criteria",
              doc(
                  "statuses",
                  "UNPAID",
                  "minDaysOverdue",
                  "3",
                  "maxDaysOverdue",
                  true,
                  "dueWithinDays",
                  List.of(),
                  "classes",
                  doc(),
                  "minBalance",
                  "500"),
              "audience",
              List.of("GUARDIAN"),
              "templateId",
              3,
              "template",
              false,
              "consolidate",
              "no");

      // when
      RuleDraft draft = rule(doc);

      // then
      assertThat(draft.problems())
          .extracting(RuleProblem::field)
          .containsExactlyInAnyOrder(
              "name",
              "enabled",
              "schedule.frequency",
              "schedule.time",
              "schedule.daysOfWeek",
              "schedule.dayOfMonth",
              "criteria.statuses",
              "criteria.minDaysOverdue",
              "criteria.maxDaysOverdue",
              "criteria.dueWithinDays",
              "criteria.classes",
              "criteria.minBalance",
              "audience",
              "templateId",
              "template",
              "consolidate");
      assertThat(draft.time()).isEmpty();
      assertThat(draft.statuses()).isEmpty();
    }

    @Test
    void a_fractional_int_field_is_a_problem_and_a_whole_double_is_fine() {
      // when
      RuleDraft draft =
          rule(doc("schedule", doc("dayOfMonth", 1.5), "criteria", doc("minDaysOverdue", 3.0)));

      // then
      assertThat(draft.dayOfMonth()).isEmpty();
      assertThat(draft.minDaysOverdue()).contains(3);
      assertThat(draft.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.field()).isEqualTo("schedule.dayOfMonth");
                assertThat(problem.reason()).contains("whole number");
              });
    }

    @Test
    void a_bad_list_element_is_a_problem_and_the_good_ones_are_kept() {
      // when
      RuleDraft draft =
          rule(
              doc(
                  "schedule", doc("daysOfWeek", list("MON", 2, "FRI")),
                  "criteria", doc("statuses", list("UNPAID", null))));

      // then
      assertThat(draft.daysOfWeek()).containsExactly("MON", "FRI");
      assertThat(draft.statuses()).contains(List.of("UNPAID"));
      assertThat(draft.problems())
          .extracting(RuleProblem::field)
          .containsExactly("schedule.daysOfWeek[1]", "criteria.statuses[1]");
    }

    @Test
    void schedule_and_criteria_must_be_maps() {
      // when
      RuleDraft draft = rule(doc("schedule", List.of("DAILY"), "criteria", "any"));

      // then
      assertThat(draft.frequency()).isEmpty();
      assertThat(draft.problems())
          .extracting(RuleProblem::field, RuleProblem::reason)
          .containsExactly(
              tuple("schedule", "must be a map, found a list"),
              tuple("criteria", "must be a map, found a string"));
    }

    @Test
    void blank_strings_are_absent_so_a_blank_inline_template_does_not_hide_the_template_id() {
      // when
      RuleDraft draft = rule(doc("name", "", "templateId", "t1", "template", " ", "audience", ""));

      // then
      assertThat(draft.template()).isEmpty();
      assertThat(draft.templateId()).contains("t1");
      assertThat(draft.audience()).isEmpty();
      assertThat(draft.name()).isEmpty();
      assertThat(draft.problems()).isEmpty();
    }

    @Test
    void null_values_take_the_defaults() {
      // when
      RuleDraft draft = rule(doc("enabled", null, "consolidate", null, "schedule", null));

      // then
      assertThat(draft.enabled()).isTrue();
      assertThat(draft.consolidate()).isFalse();
      assertThat(draft.problems()).isEmpty();
    }
  }
}
