package com.feesmanager.automation.domain.template;

import com.feesmanager.automation.domain.account.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * SPEC §3's English formats for money, months, dates and name lists.
 *
 * <p>Hand-written with fixed English tables rather than {@code DateTimeFormatter} or {@code
 * NumberFormat}: the output never depends on the default locale, and it runs once per placeholder
 * per student, so it has to be cheap. Money is grouped by thousands ({@code PKR 100,000}), not in
 * the South Asian lakh style, as SPEC §3's examples show.
 */
public final class Formats {

  private static final String[] MONTH_NAMES = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static final String[] SHORT_MONTH_NAMES = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private Formats() {}

  /**
   * {@code PKR 5,000}, {@code PKR 1,250.50}: thousands grouped with ',', two decimals only when
   * they are not both zero; a blank currency gives the bare number.
   */
  public static String money(String currency, Money amount) {
    Objects.requireNonNull(currency, "'currency' must not be null");
    StringBuilder out = new StringBuilder(currency.length() + 24);
    if (!currency.isBlank()) {
      out.append(currency).append(' ');
    }
    appendMoney(out, amount);
    return out.toString();
  }

  private static void appendMoney(StringBuilder out, Money amount) {
    long minor = amount.minorUnits();
    String whole = Long.toString(minor / 100);
    int firstGroup = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
    out.append(whole, 0, firstGroup);
    for (int i = firstGroup; i < whole.length(); i += 3) {
      out.append(',').append(whole, i, i + 3);
    }
    int cents = (int) (minor % 100);
    if (cents != 0) {
      out.append('.').append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
    }
  }

  /** {@code November 2026}. */
  public static String month(YearMonth month) {
    return MONTH_NAMES[month.getMonthValue() - 1] + " " + month.getYear();
  }

  /**
   * Sorted distinct months, year after the last month of each year: {@code October, November 2026}
   * or {@code December 2025, January 2026}; empty for no months.
   */
  public static String months(List<YearMonth> months) {
    List<YearMonth> sorted = months;
    if (!isAscending(months)) {
      YearMonth[] array = months.toArray(new YearMonth[0]);
      Arrays.sort(array);
      sorted = Arrays.asList(array);
    }
    StringBuilder out = new StringBuilder(sorted.size() * 12);
    YearMonth previous = null;
    for (int i = 0; i < sorted.size(); i++) {
      YearMonth current = sorted.get(i);
      if (current.equals(previous)) {
        continue;
      }
      if (previous != null) {
        if (previous.getYear() != current.getYear()) {
          out.append(' ').append(previous.getYear());
        }
        out.append(", ");
      }
      out.append(MONTH_NAMES[current.getMonthValue() - 1]);
      previous = current;
    }
    if (previous != null) {
      out.append(' ').append(previous.getYear());
    }
    return out.toString();
  }

  /** Matched records come earliest first, so their months are usually in order already. */
  private static boolean isAscending(List<YearMonth> months) {
    for (int i = 1; i < months.size(); i++) {
      if (months.get(i - 1).compareTo(months.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code 10 Nov 2026}, {@code 5 Jan 2027}: the day without a leading zero. */
  public static String date(LocalDate date) {
    return date.getDayOfMonth()
        + " "
        + SHORT_MONTH_NAMES[date.getMonthValue() - 1]
        + " "
        + date.getYear();
  }

  /** {@code A}, {@code A and B}, {@code A, B and C}; empty for no names. */
  public static String names(List<String> names) {
    int count = names.size();
    if (count == 0) {
      return "";
    }
    if (count == 1) {
      return names.get(0);
    }
    StringBuilder out = new StringBuilder(count * 12);
    for (int i = 0; i < count; i++) {
      if (i == count - 1) {
        out.append(" and ");
      } else if (i > 0) {
        out.append(", ");
      }
      out.append(names.get(i));
    }
    return out.toString();
  }
}
