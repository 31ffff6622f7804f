package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.template.CompiledTemplate;
import com.feesmanager.automation.domain.template.TemplateCompilation;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link RuleDraft} into a {@link Rule}, reporting every problem at once: bad schedule, bad
 * criteria, contradictory windows, missing template, unknown placeholder (SPEC §1.4, §3).
 *
 * <p>Enumerated values ({@code frequency}, {@code daysOfWeek}, {@code statuses}, {@code audience})
 * are read case-insensitively after trimming; {@code time} is {@code H:mm} or {@code HH:mm} on a 24
 * h clock.
 */
public final class RuleValidator {

  static final String FREQUENCY = "schedule.frequency";
  static final String TIME = "schedule.time";
  static final String DAYS_OF_WEEK = "schedule.daysOfWeek";
  static final String DAY_OF_MONTH = "schedule.dayOfMonth";
  static final String STATUSES = "criteria.statuses";
  static final String MIN_DAYS_OVERDUE = "criteria.minDaysOverdue";
  static final String MAX_DAYS_OVERDUE = "criteria.maxDaysOverdue";
  static final String DUE_WITHIN_DAYS = "criteria.dueWithinDays";
  static final String MIN_BALANCE = "criteria.minBalance";
  static final String AUDIENCE = "audience";
  static final String TEMPLATE = "template";
  static final String TEMPLATE_ID = "templateId";

  // Hours 0–23 with or without a leading zero, minutes always two digits; no seconds.
  private static final Pattern TIME_PATTERN = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MON", DayOfWeek.MONDAY,
          "TUE", DayOfWeek.TUESDAY,
          "WED", DayOfWeek.WEDNESDAY,
          "THU", DayOfWeek.THURSDAY,
          "FRI", DayOfWeek.FRIDAY,
          "SAT", DayOfWeek.SATURDAY,
          "SUN", DayOfWeek.SUNDAY);

  private RuleValidator() {}

  /**
   * Validates {@code draft} against the account's templates (by id). The inline {@code template}
   * wins over {@code templateId}.
   */
  public static RuleCheck validate(RuleDraft draft, Map<String, Template> templates) {
    Problems problems = new Problems(draft.problems());

    Optional<Frequency> frequency = frequency(draft, problems);
    Optional<LocalTime> time = time(draft, problems);
    Set<DayOfWeek> days = daysOfWeek(draft, frequency, problems);
    int dayOfMonth = dayOfMonth(draft, frequency, problems);

    Set<FeeStatus> statuses = statuses(draft, problems);
    OptionalInt minDays = nonNegative(draft.minDaysOverdue(), MIN_DAYS_OVERDUE, problems);
    OptionalInt maxDays = nonNegative(draft.maxDaysOverdue(), MAX_DAYS_OVERDUE, problems);
    OptionalInt dueWithin = nonNegative(draft.dueWithinDays(), DUE_WITHIN_DAYS, problems);
    windows(minDays, maxDays, dueWithin, problems);
    Optional<Money> minBalance = minBalance(draft, problems);

    Audience audience = audience(draft, problems);
    Optional<CompiledTemplate> template = template(draft, templates, problems);

    if (!problems.isEmpty()) {
      return new RuleCheck.Invalid(draft.id(), draft.displayName(), problems.list());
    }
    Schedule schedule = new Schedule(frequency.get(), time.get(), days, dayOfMonth);
    Criteria criteria =
        new Criteria(
            statuses,
            minDays,
            maxDays,
            dueWithin,
            Set.copyOf(draft.classes().orElse(List.of())),
            minBalance);
    return new RuleCheck.Valid(
        new Rule(
            draft.id(),
            draft.displayName(),
            draft.enabled(),
            schedule,
            criteria,
            audience,
            template.get(),
            draft.createdAt(),
            draft.consolidate()));
  }

  private static Optional<Frequency> frequency(RuleDraft draft, Problems problems) {
    if (draft.frequency().isEmpty()) {
      problems.addUnlessReported(FREQUENCY, "is required (DAILY, WEEKLY or MONTHLY)");
      return Optional.empty();
    }
    String raw = draft.frequency().get();
    try {
      return Optional.of(Frequency.valueOf(normalised(raw)));
    } catch (IllegalArgumentException e) {
      problems.add(FREQUENCY, "must be DAILY, WEEKLY or MONTHLY, not '" + raw + "'");
      return Optional.empty();
    }
  }

  private static Optional<LocalTime> time(RuleDraft draft, Problems problems) {
    if (draft.time().isEmpty()) {
      problems.addUnlessReported(TIME, "is required (HH:mm, 24 h)");
      return Optional.empty();
    }
    String raw = draft.time().get();
    Matcher matcher = TIME_PATTERN.matcher(raw.strip());
    if (!matcher.matches()) {
      problems.add(TIME, "must be HH:mm on a 24 h clock (00:00…23:59), not '" + raw + "'");
      return Optional.empty();
    }
    return Optional.of(
        LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
  }

  private static Set<DayOfWeek> daysOfWeek(
      RuleDraft draft, Optional<Frequency> frequency, Problems problems) {
    // Days only mean something to a WEEKLY schedule; elsewhere they are ignored like unknown
    // fields.
    if (frequency.isEmpty() || frequency.get() != Frequency.WEEKLY) {
      return Set.of();
    }
    if (draft.daysOfWeek().isEmpty()) {
      problems.addUnlessReported(DAYS_OF_WEEK, "is required for WEEKLY (a list of MON…SUN)");
      return Set.of();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String raw : draft.daysOfWeek()) {
      DayOfWeek day = DAYS.get(normalised(raw));
      if (day == null) {
        problems.add(DAYS_OF_WEEK, "unknown day '" + raw + "' (use MON, TUE, … SUN)");
      } else {
        days.add(day);
      }
    }
    return days;
  }

  private static int dayOfMonth(RuleDraft draft, Optional<Frequency> frequency, Problems problems) {
    if (frequency.isEmpty() || frequency.get() != Frequency.MONTHLY) {
      return Schedule.LAST_DAY;
    }
    if (draft.dayOfMonth().isEmpty()) {
      problems.addUnlessReported(DAY_OF_MONTH, "is required for MONTHLY (1…31, or -1 = last day)");
      return Schedule.LAST_DAY;
    }
    int day = draft.dayOfMonth().get();
    if (day != Schedule.LAST_DAY && (day < 1 || day > 31)) {
      problems.add(DAY_OF_MONTH, "must be 1…31, or -1 for the last day, not " + day);
    }
    return day;
  }

  private static Set<FeeStatus> statuses(RuleDraft draft, Problems problems) {
    if (draft.statuses().isEmpty()) {
      return EnumSet.of(FeeStatus.UNPAID, FeeStatus.PARTIAL);
    }
    List<String> raw = draft.statuses().get();
    if (raw.isEmpty()) {
      problems.add(STATUSES, "must not be empty (UNPAID and/or PARTIAL)");
      return Set.of();
    }
    Set<FeeStatus> statuses = EnumSet.noneOf(FeeStatus.class);
    for (String value : raw) {
      String name = normalised(value);
      if (name.equals(FeeStatus.UNPAID.name())) {
        statuses.add(FeeStatus.UNPAID);
      } else if (name.equals(FeeStatus.PARTIAL.name())) {
        statuses.add(FeeStatus.PARTIAL);
      } else if (name.equals(FeeStatus.PAID.name())) {
        problems.add(
            STATUSES, "PAID records have nothing to remind of (use UNPAID and/or PARTIAL)");
      } else {
        problems.add(STATUSES, "unknown status '" + value + "' (use UNPAID and/or PARTIAL)");
      }
    }
    return statuses;
  }

  private static OptionalInt nonNegative(Optional<Integer> value, String field, Problems problems) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    int days = value.get();
    if (days < 0) {
      problems.add(field, "must be ≥ 0, not " + days);
    }
    return OptionalInt.of(days);
  }

  private static void windows(
      OptionalInt minDays, OptionalInt maxDays, OptionalInt dueWithin, Problems problems) {
    if (dueWithin.isPresent() && (minDays.isPresent() || maxDays.isPresent())) {
      problems.add(
          DUE_WITHIN_DAYS,
          "contradicts the overdue window (criteria.minDaysOverdue / criteria.maxDaysOverdue):"
              + " a record cannot be both not yet due and overdue");
    }
    if (minDays.isPresent() && maxDays.isPresent() && minDays.getAsInt() > maxDays.getAsInt()) {
      problems.add(
          MIN_DAYS_OVERDUE,
          "contradicts criteria.maxDaysOverdue ("
              + minDays.getAsInt()
              + " > "
              + maxDays.getAsInt()
              + "): no record can match");
    }
  }

  private static Optional<Money> minBalance(RuleDraft draft, Problems problems) {
    if (draft.minBalance().isEmpty()) {
      return Optional.empty();
    }
    BigDecimal amount = draft.minBalance().get();
    if (amount.signum() < 0) {
      problems.add(MIN_BALANCE, "must be ≥ 0, not " + amount.toPlainString());
      return Optional.empty();
    }
    try {
      return Optional.of(Money.of(amount));
    } catch (ArithmeticException e) {
      problems.add(MIN_BALANCE, "is too large: " + amount.toPlainString());
      return Optional.empty();
    }
  }

  private static Audience audience(RuleDraft draft, Problems problems) {
    if (draft.audience().isEmpty()) {
      return Audience.GUARDIAN;
    }
    String raw = draft.audience().get();
    try {
      return Audience.valueOf(normalised(raw));
    } catch (IllegalArgumentException e) {
      problems.add(AUDIENCE, "must be GUARDIAN, STUDENT or BOTH, not '" + raw + "'");
      return Audience.GUARDIAN;
    }
  }

  private static Optional<CompiledTemplate> template(
      RuleDraft draft, Map<String, Template> templates, Problems problems) {
    // A blank inline template is treated as absent: the web app may leave "" behind when the user
    // picks a stored template instead, and an empty reminder is never what anyone meant.
    Optional<String> inline = draft.template().filter(body -> !body.isBlank());
    if (inline.isPresent()) {
      return compile(inline.get(), TEMPLATE, problems);
    }
    Optional<String> id = draft.templateId().filter(value -> !value.isBlank());
    if (id.isEmpty()) {
      if (!problems.reported(TEMPLATE) && !problems.reported(TEMPLATE_ID)) {
        problems.add(TEMPLATE, "missing template: set 'template' or 'templateId'");
      }
      return Optional.empty();
    }
    Template stored = templates.get(id.get());
    if (stored == null) {
      problems.add(TEMPLATE_ID, "missing template: no template '" + id.get() + "'");
      return Optional.empty();
    }
    if (stored.body().isBlank()) {
      problems.add(TEMPLATE_ID, "missing template: template '" + id.get() + "' has an empty body");
      return Optional.empty();
    }
    return compile(stored.body(), TEMPLATE_ID, problems);
  }

  /** The one place the template syntax is checked; its problems are reported on {@code field}. */
  static Optional<CompiledTemplate> compile(String body, String field, Problems problems) {
    TemplateCompilation compilation = CompiledTemplate.compile(body);
    if (compilation instanceof TemplateCompilation.Compiled compiled) {
      return Optional.of(compiled.template());
    }
    for (String problem : ((TemplateCompilation.Rejected) compilation).problems()) {
      problems.add(field, problem);
    }
    return Optional.empty();
  }

  private static String normalised(String value) {
    return value.strip().toUpperCase(Locale.ROOT);
  }

  /** Problems in the order found; the mapper's come first. */
  static final class Problems {
    private final List<RuleProblem> list;
    private final Set<String> mapperFields = new HashSet<>();

    Problems(List<RuleProblem> fromMapper) {
      this.list = new ArrayList<>(fromMapper);
      for (RuleProblem problem : fromMapper) {
        mapperFields.add(problem.field());
      }
    }

    void add(String field, String reason) {
      list.add(new RuleProblem(field, reason));
    }

    /**
     * Adds a "missing" problem unless the mapper already reported that field: a value of the wrong
     * type reaches the draft as absent and should not be reported twice.
     */
    void addUnlessReported(String field, String reason) {
      if (!reported(field)) {
        add(field, reason);
      }
    }

    boolean reported(String field) {
      return mapperFields.contains(field);
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    List<RuleProblem> list() {
      // Identical problems (e.g. the same unknown day twice) are reported once.
      return List.copyOf(new LinkedHashSet<>(list));
    }
  }
}
