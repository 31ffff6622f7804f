package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.FeeStatus;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import java.time.LocalDate;
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
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * The student's match on {@code date}: empty when inactive, filtered out by class, without a
   * matching record, or below {@code minBalance}. Opt-out and phones are not looked at here.
   */
  public Optional<StudentMatch> match(Student student, LocalDate date) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
