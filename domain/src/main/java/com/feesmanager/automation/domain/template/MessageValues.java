package com.feesmanager.automation.domain.template;

import static java.lang.String.CASE_INSENSITIVE_ORDER;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.StudentMatch;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The formatted value of each placeholder for one message; a name without a value (absent or blank)
 * is missing and rendering falls back or skips.
 */
public final class MessageValues {

  /**
   * Orders students for consolidated messages: by name ignoring case, then by exact name, then by
   * id, so that the order never depends on the input's order or the default locale.
   */
  public static final Comparator<StudentMatch> NAME_ORDER =
      Comparator.comparing((StudentMatch match) -> match.student().name(), CASE_INSENSITIVE_ORDER)
          .thenComparing(match -> match.student().name())
          .thenComparing(match -> match.student().id());

  private static final PlaceholderName[] NAMES = PlaceholderName.values();

  /** Marks a value not computed yet: a distinct instance, compared by identity, never exposed. */
  private static final String NOT_YET = new String("");

  /**
   * Indexed by {@link PlaceholderName#ordinal()}; null means missing (absent or blank), {@link
   * #NOT_YET} means {@link #source} computes it on first use.
   */
  private final String[] values;

  private final StudentSource source;

  private MessageValues(String[] values) {
    // Blank counts as missing (SPEC §3); settling it once keeps rendering to a null check.
    for (int i = 0; i < values.length; i++) {
      values[i] = blankToNull(values[i]);
    }
    this.values = values;
    this.source = null;
  }

  private MessageValues(StudentSource source) {
    this.values = new String[NAMES.length];
    Arrays.fill(values, NOT_YET);
    this.source = source;
  }

  /** Values from a map; names not in it are missing. */
  public static MessageValues of(Map<PlaceholderName, String> values) {
    String[] array = new String[NAMES.length];
    values.forEach((name, value) -> array[name.ordinal()] = value);
    return new MessageValues(array);
  }

  /**
   * The values for one student's message (SPEC §3). Each value is formatted on first use, so a
   * template pays only for the placeholders it has.
   */
  public static MessageValues forStudent(AccountSettings account, StudentMatch match) {
    Objects.requireNonNull(account, "'account' must not be null");
    Objects.requireNonNull(match, "'match' must not be null");
    return new MessageValues(new StudentSource(account, match));
  }

  /**
   * The values for one consolidated message: students in name order, names joined "A, B and C",
   * sums, union of months, earliest month and due date, largest daysOverdue (SPEC §3).
   */
  public static MessageValues consolidated(AccountSettings account, List<StudentMatch> matches) {
    Objects.requireNonNull(account, "'account' must not be null");
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("a consolidated message needs at least one student");
    }
    List<StudentMatch> ordered = new ArrayList<>(matches);
    ordered.sort(NAME_ORDER);
    Set<String> studentNames = new LinkedHashSet<>();
    Set<String> guardianNames = new LinkedHashSet<>();
    Set<String> classNames = new LinkedHashSet<>();
    List<YearMonth> months = new ArrayList<>();
    Money amountDue = Money.ZERO;
    Money totalDue = Money.ZERO;
    YearMonth earliestMonth = null;
    LocalDate earliestDueDate = null;
    long daysOverdue = 0;
    for (StudentMatch match : ordered) {
      Student student = match.student();
      addIfPresent(studentNames, student.name());
      student.guardianName().ifPresent(name -> addIfPresent(guardianNames, name));
      student.className().ifPresent(name -> addIfPresent(classNames, name));
      amountDue = amountDue.plus(match.amountDue());
      totalDue = totalDue.plus(student.totalBalance());
      for (FeeRecord fee : match.matched()) {
        months.add(fee.month());
        if (earliestMonth == null || fee.month().isBefore(earliestMonth)) {
          earliestMonth = fee.month();
        }
      }
      FeeRecord earliest = match.earliest();
      if (earliestDueDate == null || earliest.dueDate().isBefore(earliestDueDate)) {
        earliestDueDate = earliest.dueDate();
      }
      daysOverdue = Math.max(daysOverdue, earliest.daysOverdueOn(match.date()));
    }
    String currency = account.currency();
    String[] array = new String[NAMES.length];
    array[PlaceholderName.STUDENT_NAME.ordinal()] = Formats.names(List.copyOf(studentNames));
    array[PlaceholderName.GUARDIAN_NAME.ordinal()] = Formats.names(List.copyOf(guardianNames));
    array[PlaceholderName.CLASS_NAME.ordinal()] = Formats.names(List.copyOf(classNames));
    array[PlaceholderName.ACADEMY_NAME.ordinal()] = account.academyName();
    array[PlaceholderName.AMOUNT_DUE.ordinal()] = Formats.money(currency, amountDue);
    array[PlaceholderName.TOTAL_DUE.ordinal()] = Formats.money(currency, totalDue);
    array[PlaceholderName.MONTHS.ordinal()] = Formats.months(months);
    array[PlaceholderName.MONTH.ordinal()] = Formats.month(earliestMonth);
    array[PlaceholderName.DUE_DATE.ordinal()] = Formats.date(earliestDueDate);
    array[PlaceholderName.DAYS_OVERDUE.ordinal()] = Long.toString(daysOverdue);
    array[PlaceholderName.CURRENCY.ordinal()] = currency;
    return new MessageValues(array);
  }

  private static void addIfPresent(Set<String> values, String value) {
    if (!value.isBlank()) {
      values.add(value);
    }
  }

  /** The value of {@code name}, empty when absent or blank. */
  public Optional<String> get(PlaceholderName name) {
    return Optional.ofNullable(valueOrNull(name));
  }

  /** The value of {@code name}, or null when absent or blank: the allocation-free render path. */
  String valueOrNull(PlaceholderName name) {
    int index = name.ordinal();
    String value = values[index];
    if (value == NOT_YET) {
      // A racing reader computes the same immutable string again; Strings publish safely.
      value = blankToNull(source.value(name));
      values[index] = value;
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** One student's values (SPEC §3), each formatted when asked for. */
  private static final class StudentSource {
    private final AccountSettings account;
    private final StudentMatch match;

    StudentSource(AccountSettings account, StudentMatch match) {
      this.account = account;
      this.match = match;
    }

    String value(PlaceholderName name) {
      Student student = match.student();
      return switch (name) {
        case STUDENT_NAME -> student.name();
        case GUARDIAN_NAME -> student.guardianName().orElse(null);
        case CLASS_NAME -> student.className().orElse(null);
        case ACADEMY_NAME -> account.academyName();
        case AMOUNT_DUE -> Formats.money(account.currency(), match.amountDue());
        case TOTAL_DUE -> Formats.money(account.currency(), student.totalBalance());
        case MONTHS -> Formats.months(months());
        case MONTH -> Formats.month(earliestMonth());
        case DUE_DATE -> Formats.date(match.earliest().dueDate());
        case DAYS_OVERDUE -> Long.toString(match.earliest().daysOverdueOn(match.date()));
        case CURRENCY -> account.currency();
      };
    }

    private List<YearMonth> months() {
      List<FeeRecord> matched = match.matched();
      List<YearMonth> months = new ArrayList<>(matched.size());
      for (FeeRecord fee : matched) {
        months.add(fee.month());
      }
      return months;
    }

    /** The earliest month, which need not be the earliest-due record's month. */
    private YearMonth earliestMonth() {
      YearMonth earliest = null;
      for (FeeRecord fee : match.matched()) {
        if (earliest == null || fee.month().isBefore(earliest)) {
          earliest = fee.month();
        }
      }
      return earliest;
    }
  }

  /** All present values, for tests and previews. */
  public Map<PlaceholderName, String> asMap() {
    Map<PlaceholderName, String> map = new EnumMap<>(PlaceholderName.class);
    for (PlaceholderName name : NAMES) {
      get(name).ifPresent(value -> map.put(name, value));
    }
    return map;
  }
}
