package com.feesmanager.automation.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Template;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleValidatorTest {

  // Placeholder-free bodies keep these tests about the rule, not the template syntax.
  private static final String PLAIN_BODY = "Your fees are due.";
  private static final Map<String, Template> TEMPLATES =
      Map.of(
          "reminder", new Template("reminder", "Reminder", "Fees are due, please pay."),
          "bad", new Template("bad", "Bad", "Dear {fee}, please pay."),
          "empty", new Template("empty", "Empty", "   "));

  @Nested
  class A_valid_draft {

    @Test
    void daily_rule_is_built_with_the_spec_defaults() {
      // given
      Instant createdAt = Instant.parse("2026-11-01T00:00:00Z");
      RuleDraft draft =
          draft().time("10:00").template(PLAIN_BODY).createdAt(createdAt).consolidate().build();

      // when
      RuleCheck check = RuleValidator.validate(draft, TEMPLATES);

      // then
      Rule rule = valid(check);
      assertThat(rule.id()).isEqualTo("rule-1");
      assertThat(rule.name()).isEqualTo("rule-1");
      assertThat(rule.enabled()).isTrue();
      assertThat(rule.schedule()).isEqualTo(Schedule.daily(LocalTime.of(10, 0)));
      assertThat(rule.criteria()).isEqualTo(Criteria.any());
      assertThat(rule.audience()).isEqualTo(Audience.GUARDIAN);
      assertThat(rule.template().source()).isEqualTo(PLAIN_BODY);
      assertThat(rule.createdAt()).contains(createdAt);
      assertThat(rule.consolidate()).isTrue();
    }

    @Test
    void weekly_rule_keeps_its_days_and_tolerates_duplicates_and_lower_case() {
      // given
      RuleDraft draft =
          draft()
              .frequency("WEEKLY")
              .days("MON", "fri", "MON", " Sun ")
              .name("Weekly nudge")
              .disabled()
              .build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.schedule().frequency()).isEqualTo(Frequency.WEEKLY);
      assertThat(rule.schedule().daysOfWeek())
          .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
      assertThat(rule.name()).isEqualTo("Weekly nudge");
      assertThat(rule.enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 29, 31, -1})
    void monthly_rule_accepts_every_day_of_month_and_minus_one_for_the_last_day(int day) {
      // given
      RuleDraft draft = draft().frequency("MONTHLY").dayOfMonth(day).build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.schedule()).isEqualTo(Schedule.monthly(LocalTime.of(10, 0), day));
    }

    @ParameterizedTest
    @CsvSource({"9:00, 09:00", "09:05, 09:05", "00:00, 00:00", "23:59, 23:59", "' 7:30 ', 07:30"})
    void time_accepts_hours_with_or_without_a_leading_zero(String raw, LocalTime expected) {
      // given
      RuleDraft draft = draft().time(raw).build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.schedule().time()).isEqualTo(expected);
    }

    @Test
    void criteria_are_built_from_the_draft_with_money_in_minor_units() {
      // given
      RuleDraft draft =
          draft()
              .statuses("partial")
              .minDaysOverdue(3)
              .maxDaysOverdue(3)
              .classes("Grade 5", "Grade 6")
              .minBalance("1250.50")
              .audience("both")
              .build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.criteria())
          .isEqualTo(
              new Criteria(
                  Set.of(FeeStatus.PARTIAL),
                  OptionalInt.of(3),
                  OptionalInt.of(3),
                  OptionalInt.empty(),
                  Set.of("Grade 5", "Grade 6"),
                  Optional.of(new Money(125_050))));
      assertThat(rule.audience()).isEqualTo(Audience.BOTH);
    }

    @Test
    void a_before_due_window_alone_and_a_zero_minimum_balance_are_valid() {
      // given
      RuleDraft draft = draft().dueWithinDays(0).minBalance("0").audience("STUDENT").build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.criteria().dueWithinDays()).hasValue(0);
      assertThat(rule.criteria().minBalance()).contains(Money.ZERO);
      assertThat(rule.audience()).isEqualTo(Audience.STUDENT);
    }

    @Test
    void days_of_week_and_day_of_month_are_ignored_when_the_frequency_does_not_use_them() {
      // given
      RuleDraft draft = draft().frequency("DAILY").days("FUNDAY").dayOfMonth(99).build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.schedule()).isEqualTo(Schedule.daily(LocalTime.of(10, 0)));
    }
  }

  @Nested
  class The_schedule {

    @Test
    void missing_frequency_is_a_problem() {
      assertThat(problemsOf(draft().noFrequency()))
          .containsExactly(problem("schedule.frequency", "is required (DAILY, WEEKLY or MONTHLY)"));
    }

    @Test
    void unknown_frequency_is_a_problem() {
      assertThat(problemsOf(draft().frequency("HOURLY")))
          .containsExactly(
              problem("schedule.frequency", "must be DAILY, WEEKLY or MONTHLY, not 'HOURLY'"));
    }

    @Test
    void missing_time_is_a_problem() {
      assertThat(problemsOf(draft().noTime()))
          .containsExactly(problem("schedule.time", "is required (HH:mm, 24 h)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "25:00", "09:00:00", "9", "9.00", "09:60", "9:5", "", "am:pm"})
    void time_that_is_not_hh_mm_on_a_24_hour_clock_is_a_problem(String raw) {
      assertThat(problemsOf(draft().time(raw)))
          .containsExactly(
              problem(
                  "schedule.time",
                  "must be HH:mm on a 24 h clock (00:00…23:59), not '" + raw + "'"));
    }

    @Test
    void weekly_without_days_is_a_problem() {
      assertThat(problemsOf(draft().frequency("WEEKLY")))
          .containsExactly(
              problem("schedule.daysOfWeek", "is required for WEEKLY (a list of MON…SUN)"));
    }

    @Test
    void weekly_with_an_unknown_day_reports_each_unknown_day_once() {
      assertThat(problemsOf(draft().frequency("WEEKLY").days("MON", "FUNDAY", "MONDAY", "FUNDAY")))
          .containsExactly(
              problem("schedule.daysOfWeek", "unknown day 'FUNDAY' (use MON, TUE, … SUN)"),
              problem("schedule.daysOfWeek", "unknown day 'MONDAY' (use MON, TUE, … SUN)"));
    }

    @Test
    void monthly_without_a_day_is_a_problem() {
      assertThat(problemsOf(draft().frequency("MONTHLY")))
          .containsExactly(
              problem("schedule.dayOfMonth", "is required for MONTHLY (1…31, or -1 = last day)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, -2})
    void monthly_day_outside_one_to_thirty_one_or_minus_one_is_a_problem(int day) {
      assertThat(problemsOf(draft().frequency("MONTHLY").dayOfMonth(day)))
          .containsExactly(
              problem("schedule.dayOfMonth", "must be 1…31, or -1 for the last day, not " + day));
    }
  }

  @Nested
  class The_criteria {

    @Test
    void an_empty_status_list_is_a_problem() {
      assertThat(problemsOf(draft().statuses()))
          .containsExactly(
              problem("criteria.statuses", "must not be empty (UNPAID and/or PARTIAL)"));
    }

    @Test
    void paid_and_unknown_statuses_are_problems() {
      assertThat(problemsOf(draft().statuses("UNPAID", "PAID", "OVERDUE")))
          .containsExactly(
              problem(
                  "criteria.statuses",
                  "PAID records have nothing to remind of (use UNPAID and/or PARTIAL)"),
              problem("criteria.statuses", "unknown status 'OVERDUE' (use UNPAID and/or PARTIAL)"));
    }

    @Test
    void negative_day_windows_are_problems() {
      assertThat(problemsOf(draft().minDaysOverdue(-1).maxDaysOverdue(-2)))
          .containsExactly(
              problem("criteria.minDaysOverdue", "must be ≥ 0, not -1"),
              problem("criteria.maxDaysOverdue", "must be ≥ 0, not -2"),
              problem(
                  "criteria.minDaysOverdue",
                  "contradicts criteria.maxDaysOverdue (-1 > -2): no record can match"));
    }

    @Test
    void a_negative_before_due_window_is_a_problem() {
      assertThat(problemsOf(draft().dueWithinDays(-3)))
          .containsExactly(problem("criteria.dueWithinDays", "must be ≥ 0, not -3"));
    }

    @Test
    void a_before_due_window_with_a_minimum_overdue_is_contradictory() {
      assertThat(problemsOf(draft().dueWithinDays(3).minDaysOverdue(1)))
          .extracting(RuleProblem::field)
          .containsExactly("criteria.dueWithinDays");
    }

    @Test
    void a_before_due_window_with_a_maximum_overdue_is_contradictory() {
      assertThat(problemsOf(draft().dueWithinDays(3).maxDaysOverdue(10)))
          .containsExactly(
              problem(
                  "criteria.dueWithinDays",
                  "contradicts the overdue window (criteria.minDaysOverdue /"
                      + " criteria.maxDaysOverdue): a record cannot be both not yet due and"
                      + " overdue"));
    }

    @Test
    void a_minimum_overdue_above_the_maximum_is_contradictory() {
      assertThat(problemsOf(draft().minDaysOverdue(10).maxDaysOverdue(5)))
          .containsExactly(
              problem(
                  "criteria.minDaysOverdue",
                  "contradicts criteria.maxDaysOverdue (10 > 5): no record can match"));
    }

    @Test
    void a_negative_minimum_balance_is_a_problem() {
      assertThat(problemsOf(draft().minBalance("-0.01")))
          .containsExactly(problem("criteria.minBalance", "must be ≥ 0, not -0.01"));
    }

    @Test
    void a_minimum_balance_too_large_for_money_is_a_problem() {
      assertThat(problemsOf(draft().minBalance("1e30")))
          .containsExactly(
              problem("criteria.minBalance", "is too large: 1000000000000000000000000000000"));
    }
  }

  @Nested
  class The_audience {

    @Test
    void an_unknown_audience_is_a_problem() {
      assertThat(problemsOf(draft().audience("PARENTS")))
          .containsExactly(problem("audience", "must be GUARDIAN, STUDENT or BOTH, not 'PARENTS'"));
    }
  }

  @Nested
  class The_template {

    @Test
    void neither_template_nor_template_id_is_a_missing_template() {
      assertThat(problemsOf(draft().noTemplate()))
          .containsExactly(problem("template", "missing template: set 'template' or 'templateId'"));
    }

    @Test
    void a_template_id_the_account_does_not_have_is_a_missing_template() {
      assertThat(problemsOf(draft().noTemplate().templateId("gone")))
          .containsExactly(problem("templateId", "missing template: no template 'gone'"));
    }

    @Test
    void a_stored_template_with_an_empty_body_is_a_missing_template() {
      assertThat(problemsOf(draft().noTemplate().templateId("empty")))
          .containsExactly(
              problem("templateId", "missing template: template 'empty' has an empty body"));
    }

    @Test
    void a_stored_template_is_used_by_id() {
      // given
      RuleDraft draft = draft().noTemplate().templateId("reminder").build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.template().source()).isEqualTo("Fees are due, please pay.");
    }

    @Test
    void the_inline_template_wins_over_the_template_id() {
      // given: the id would be a missing template, but it is never looked at
      RuleDraft draft = draft().template(PLAIN_BODY).templateId("gone").build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.template().source()).isEqualTo(PLAIN_BODY);
    }

    @Test
    void a_blank_inline_template_falls_back_to_the_template_id() {
      // given
      RuleDraft draft = draft().template("  ").templateId("reminder").build();

      // when
      Rule rule = valid(RuleValidator.validate(draft, TEMPLATES));

      // then
      assertThat(rule.template().source()).isEqualTo("Fees are due, please pay.");
    }

    @Test
    void an_unknown_placeholder_in_the_inline_template_is_a_problem_on_template() {
      // when
      List<RuleProblem> problems = problemsOf(draft().template("Dear {fee}, please pay."));

      // then
      assertThat(problems)
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("template"));
      assertThat(problems.get(0).reason()).contains("fee");
    }

    @Test
    void an_unknown_placeholder_in_a_stored_template_is_a_problem_on_template_id() {
      // when
      List<RuleProblem> problems = problemsOf(draft().noTemplate().templateId("bad"));

      // then
      assertThat(problems)
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("templateId"));
      assertThat(problems.get(0).reason()).contains("fee");
    }

    @Test
    void known_placeholders_compile() {
      // given
      RuleDraft draft =
          draft().template("Dear {guardianName|Parent}, {studentName} owes {amountDue}.").build();

      // when
      RuleCheck check = RuleValidator.validate(draft, TEMPLATES);

      // then
      assertThat(check).isInstanceOf(RuleCheck.Valid.class);
    }
  }

  @Nested
  class Reporting {

    @Test
    void every_problem_is_reported_at_once_with_the_mappers_first() {
      // given
      RuleDraft draft =
          draft()
              .name("Broken rule")
              .mapperProblem("consolidate", "must be a boolean")
              .frequency("WEEKLY")
              .time("25:00")
              .days("FUNDAY")
              .statuses("PAID")
              .minDaysOverdue(10)
              .maxDaysOverdue(5)
              .dueWithinDays(-1)
              .minBalance("-5")
              .audience("NOBODY")
              .noTemplate()
              .templateId("gone")
              .build();

      // when
      RuleCheck check = RuleValidator.validate(draft, TEMPLATES);

      // then
      assertThat(check).isInstanceOf(RuleCheck.Invalid.class);
      RuleCheck.Invalid invalid = (RuleCheck.Invalid) check;
      assertThat(invalid.ruleId()).isEqualTo("rule-1");
      assertThat(invalid.ruleName()).isEqualTo("Broken rule");
      assertThat(invalid.problems())
          .extracting(RuleProblem::field)
          .containsExactly(
              "consolidate",
              "schedule.time",
              "schedule.daysOfWeek",
              "criteria.statuses",
              "criteria.dueWithinDays",
              "criteria.dueWithinDays",
              "criteria.minDaysOverdue",
              "criteria.minBalance",
              "audience",
              "templateId");
    }

    @Test
    void a_field_the_mapper_already_reported_is_not_reported_again_as_missing() {
      // given: the mapper saw a number where the frequency should be, so the draft has none
      RuleDraft draft =
          draft()
              .noFrequency()
              .mapperProblem("schedule.frequency", "must be a string")
              .noTemplate()
              .mapperProblem("template", "must be a string")
              .build();

      // when
      List<RuleProblem> problems =
          ((RuleCheck.Invalid) RuleValidator.validate(draft, TEMPLATES)).problems();

      // then
      assertThat(problems)
          .containsExactly(
              problem("schedule.frequency", "must be a string"),
              problem("template", "must be a string"));
    }

    @Test
    void a_mapper_problem_alone_makes_the_rule_invalid() {
      // given
      RuleDraft draft = draft().mapperProblem("enabled", "must be a boolean").build();

      // when
      RuleCheck check = RuleValidator.validate(draft, TEMPLATES);

      // then
      assertThat(check).isInstanceOf(RuleCheck.Invalid.class);
      assertThat(((RuleCheck.Invalid) check).problems())
          .containsExactly(problem("enabled", "must be a boolean"));
      assertThat(check.ruleId()).isEqualTo("rule-1");
    }
  }

  private static Rule valid(RuleCheck check) {
    assertThat(check).isInstanceOf(RuleCheck.Valid.class);
    return ((RuleCheck.Valid) check).rule();
  }

  private static List<RuleProblem> problemsOf(RuleValidatorDraft draft) {
    RuleCheck check = RuleValidator.validate(draft.build(), TEMPLATES);
    assertThat(check).isInstanceOf(RuleCheck.Invalid.class);
    return ((RuleCheck.Invalid) check).problems();
  }

  private static RuleProblem problem(String field, String reason) {
    return new RuleProblem(field, reason);
  }

  /** A valid daily 10:00 rule with an inline, placeholder-free template, to be spoiled. */
  private static RuleValidatorDraft draft() {
    return new RuleValidatorDraft();
  }

  /** Test-data builder for drafts, private to the validator's tests. */
  private static final class RuleValidatorDraft {
    private Optional<String> name = Optional.empty();
    private boolean enabled = true;
    private Optional<String> frequency = Optional.of("DAILY");
    private Optional<String> time = Optional.of("10:00");
    private List<String> days = List.of();
    private Optional<Integer> dayOfMonth = Optional.empty();
    private Optional<List<String>> statuses = Optional.empty();
    private Optional<Integer> minDaysOverdue = Optional.empty();
    private Optional<Integer> maxDaysOverdue = Optional.empty();
    private Optional<Integer> dueWithinDays = Optional.empty();
    private Optional<List<String>> classes = Optional.empty();
    private Optional<BigDecimal> minBalance = Optional.empty();
    private Optional<String> audience = Optional.empty();
    private Optional<String> templateId = Optional.empty();
    private Optional<String> template = Optional.of(PLAIN_BODY);
    private Optional<Instant> createdAt = Optional.empty();
    private boolean consolidate;
    private final List<RuleProblem> problems = new ArrayList<>();

    RuleValidatorDraft name(String value) {
      name = Optional.of(value);
      return this;
    }

    RuleValidatorDraft disabled() {
      enabled = false;
      return this;
    }

    RuleValidatorDraft frequency(String value) {
      frequency = Optional.of(value);
      return this;
    }

    RuleValidatorDraft noFrequency() {
      frequency = Optional.empty();
      return this;
    }

    RuleValidatorDraft time(String value) {
      time = Optional.of(value);
      return this;
    }

    RuleValidatorDraft noTime() {
      time = Optional.empty();
      return this;
    }

    RuleValidatorDraft days(String... values) {
      days = List.of(values);
      return this;
    }

    RuleValidatorDraft dayOfMonth(int value) {
      dayOfMonth = Optional.of(value);
      return this;
    }

    RuleValidatorDraft statuses(String... values) {
      statuses = Optional.of(List.of(values));
      return this;
    }

    RuleValidatorDraft minDaysOverdue(int value) {
      minDaysOverdue = Optional.of(value);
      return this;
    }

    RuleValidatorDraft maxDaysOverdue(int value) {
      maxDaysOverdue = Optional.of(value);
      return this;
    }

    RuleValidatorDraft dueWithinDays(int value) {
      dueWithinDays = Optional.of(value);
      return this;
    }

    RuleValidatorDraft classes(String... values) {
      classes = Optional.of(List.of(values));
      return this;
    }

    RuleValidatorDraft minBalance(String value) {
      minBalance = Optional.of(new BigDecimal(value));
      return this;
    }

    RuleValidatorDraft audience(String value) {
      audience = Optional.of(value);
      return this;
    }

    RuleValidatorDraft templateId(String value) {
      templateId = Optional.of(value);
      return this;
    }

    RuleValidatorDraft template(String value) {
      template = Optional.of(value);
      return this;
    }

    RuleValidatorDraft noTemplate() {
      template = Optional.empty();
      return this;
    }

    RuleValidatorDraft createdAt(Instant value) {
      createdAt = Optional.of(value);
      return this;
    }

    RuleValidatorDraft consolidate() {
      consolidate = true;
      return this;
    }

    RuleValidatorDraft mapperProblem(String field, String reason) {
      problems.add(new RuleProblem(field, reason));
      return this;
    }

    RuleDraft build() {
      return new RuleDraft(
          "rule-1",
          name,
          enabled,
          frequency,
          time,
          days,
          dayOfMonth,
          statuses,
          minDaysOverdue,
          maxDaysOverdue,
          dueWithinDays,
          classes,
          minBalance,
          audience,
          templateId,
          template,
          createdAt,
          consolidate,
          problems);
    }
  }
}
