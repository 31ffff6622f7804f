package com.feesmanager.automation.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Money LARGEST_FEE = Money.of(new BigDecimal("1000000000000"));

  @Test
  void plus_adds_exactly_below_the_limit() {
    assertThat(Money.of(5000).plus(Money.of(new BigDecimal("1250.50"))))
        .isEqualTo(new Money(625_050));
  }

  @Test
  void plus_saturates_instead_of_throwing() {
    // given two amounts whose sum does not fit a long of minor units
    Money huge = new Money(Long.MAX_VALUE - 10);

    // when / then
    assertThat(huge.plus(Money.of(1))).isEqualTo(Money.MAX);
    assertThat(Money.MAX.plus(Money.MAX)).isEqualTo(Money.MAX);
  }

  @Test
  void the_total_of_a_hundred_thousand_largest_fees_saturates_and_does_not_throw() {
    // given 10^5 fees of 10^12 each: 10^17 units, more than a long of minor units holds
    FeeRecord fee =
        new FeeRecord(YearMonth.of(2026, 11), LARGEST_FEE, Money.ZERO, LocalDate.of(2026, 11, 10));
    Student student =
        new Student(
            "s1",
            "Ali",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            false,
            Collections.nCopies(100_000, fee));

    // when / then
    assertThat(student.totalBalance()).isEqualTo(Money.MAX);
    assertThat(
            new Student(
                    "s2",
                    "Bilal",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    false,
                    List.of(fee, fee))
                .totalBalance())
        .isEqualTo(new Money(200_000_000_000_000L));
  }
}
