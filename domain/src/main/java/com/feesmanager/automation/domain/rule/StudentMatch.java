package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A student who matched a rule on a local date, with the matched fee records sorted earliest first
 * (by due date, then month).
 */
public record StudentMatch(Student student, List<FeeRecord> matched, LocalDate date) {

  static final Comparator<FeeRecord> EARLIEST_FIRST =
      Comparator.comparing(FeeRecord::dueDate).thenComparing(FeeRecord::month);

  public StudentMatch {
    Objects.requireNonNull(student, "'student' must not be null");
    Objects.requireNonNull(date, "'date' must not be null");
    if (matched.isEmpty()) {
      throw new IllegalArgumentException("a match needs at least one fee record");
    }
    // the hot path of every occurrence: one record is the common case, skip the sort machinery
    if (matched.size() == 1) {
      matched = List.of(matched.get(0));
    } else {
      FeeRecord[] sorted = matched.toArray(new FeeRecord[0]);
      java.util.Arrays.sort(sorted, EARLIEST_FIRST);
      matched = List.of(sorted);
    }
  }

  /** The earliest matched record (earliest due date, then month). */
  public FeeRecord earliest() {
    return matched.get(0);
  }

  /** Sum of the matched balances. */
  public Money amountDue() {
    Money total = Money.ZERO;
    for (FeeRecord fee : matched) {
      total = total.plus(fee.balance());
    }
    return total;
  }
}
