package com.feesmanager.automation.domain.template;

import com.feesmanager.automation.domain.account.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** SPEC §3's English formats for money, months, dates and name lists. */
public final class Formats {

  private Formats() {}

  /** {@code PKR 5,000}, {@code PKR 1,250.50}. */
  public static String money(String currency, Money amount) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** {@code November 2026}. */
  public static String month(YearMonth month) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * Sorted distinct months, year after the last month of each year: {@code October, November 2026}.
   */
  public static String months(List<YearMonth> months) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** {@code 10 Nov 2026}, {@code 5 Jan 2027}. */
  public static String date(LocalDate date) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** {@code A}, {@code A and B}, {@code A, B and C}. */
  public static String names(List<String> names) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
