package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** The fee months one student was reminded of: what is re-checked just before sending. */
public record MatchedFees(String studentId, List<YearMonth> months) {

  public MatchedFees {
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    months = List.copyOf(months);
  }

  /** The balance still owed today on those months by {@code current} (same student). */
  public Money balanceNow(Student current) {
    if (!current.id().equals(studentId)) {
      throw new IllegalArgumentException("not the same student: " + current.id());
    }
    Money total = Money.ZERO;
    for (var fee : current.fees()) {
      if (months.contains(fee.month())) {
        total = total.plus(fee.balance());
      }
    }
    return total;
  }
}
