package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which fee records and students a rule targets (SPEC §1.4). An empty {@code classes} set means any
 * class. Contradictory windows are rejected here; {@link RuleValidator} reports them first.
 */
public record Criteria(
    Set<FeeStatus> statuses,
    OptionalInt minDaysOverdue,
    OptionalInt maxDaysOverdue,
    OptionalInt dueWithinDays,
    Set<String> classes,
    Optional<Money> minBalance) {

  public Criteria {
    statuses = Set.copyOf(statuses);
    Objects.requireNonNull(minDaysOverdue, "'minDaysOverdue' must not be null");
    Objects.requireNonNull(maxDaysOverdue, "'maxDaysOverdue' must not be null");
    Objects.requireNonNull(dueWithinDays, "'dueWithinDays' must not be null");
    classes = Set.copyOf(classes);
    Objects.requireNonNull(minBalance, "'minBalance' must not be null");
    if (statuses.isEmpty() || statuses.contains(FeeStatus.PAID)) {
      throw new IllegalArgumentException("'statuses' must be a non-empty set of UNPAID/PARTIAL");
    }
    if (dueWithinDays.isPresent() && (minDaysOverdue.isPresent() || maxDaysOverdue.isPresent())) {
      throw new IllegalArgumentException("'dueWithinDays' contradicts an overdue window");
    }
    if (minDaysOverdue.isPresent()
        && maxDaysOverdue.isPresent()
        && minDaysOverdue.getAsInt() > maxDaysOverdue.getAsInt()) {
      throw new IllegalArgumentException("'minDaysOverdue' > 'maxDaysOverdue'");
    }
  }

  /** Both statuses, no window, any class, no minimum balance. */
  public static Criteria any() {
    return new Criteria(
        Set.of(FeeStatus.UNPAID, FeeStatus.PARTIAL),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Set.of(),
        Optional.empty());
  }

  /** Whether one fee record matches on the occurrence's local date. */
  public boolean matches(FeeRecord fee, LocalDate date) {
    FeeStatus status = fee.status();
    // PAID is never in 'statuses' (the constructor refuses it), so a settled record never matches.
    if (!statuses.contains(status)) {
      return false;
    }
    boolean overdue = fee.isOverdueOn(date);
    long daysOverdue = overdue ? date.toEpochDay() - fee.dueDate().toEpochDay() : 0;
    if (minDaysOverdue.isPresent() && (!overdue || daysOverdue < minDaysOverdue.getAsInt())) {
      return false;
    }
    if (maxDaysOverdue.isPresent() && (!overdue || daysOverdue > maxDaysOverdue.getAsInt())) {
      return false;
    }
    if (dueWithinDays.isPresent()) {
      // Not overdue with a balance means date <= dueDate; the window closes N days ahead.
      long daysUntilDue = fee.dueDate().toEpochDay() - date.toEpochDay();
      return !overdue && daysUntilDue <= dueWithinDays.getAsInt();
    }
    return true;
  }

  /**
   * The student's match on {@code date}: empty when inactive, filtered out by class, without a
   * matching record, or below {@code minBalance}. Opt-out and phones are not looked at here.
   */
  public Optional<StudentMatch> match(Student student, LocalDate date) {
    if (!student.active() || !classFilterPasses(student)) {
      return Optional.empty();
    }
    List<FeeRecord> matched = null;
    Money balance = Money.ZERO;
    for (FeeRecord fee : student.fees()) {
      if (matches(fee, date)) {
        if (matched == null) {
          matched = new ArrayList<>(student.fees().size());
        }
        matched.add(fee);
        balance = balance.plus(fee.balance());
      }
    }
    if (matched == null) {
      return Optional.empty();
    }
    if (minBalance.isPresent() && balance.compareTo(minBalance.get()) < 0) {
      return Optional.empty();
    }
    return Optional.of(new StudentMatch(student, matched, date));
  }

  /** Class names compare exactly; a student without a class fails any non-empty filter. */
  private boolean classFilterPasses(Student student) {
    if (classes.isEmpty()) {
      return true;
    }
    return student.className().map(classes::contains).orElse(false);
  }
}
