package com.feesmanager.automation.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0         | PKR 0",
        "5         | PKR 5",
        "999       | PKR 999",
        "1000      | PKR 1,000",
        "5000      | PKR 5,000",
        "1250.50   | PKR 1,250.50",
        "1250.05   | PKR 1,250.05",
        "0.5       | PKR 0.50",
        "0.01      | PKR 0.01",
        "100000    | PKR 100,000",
        "1234567.89| PKR 1,234,567.89",
        "1000000.00| PKR 1,000,000",
      })
  void money_is_grouped_by_thousands_with_decimals_only_when_not_zero(
      String amount, String expected) {
    // when
    String formatted = Formats.money("PKR", Money.of(new BigDecimal(amount)));

    // then
    assertThat(formatted).isEqualTo(expected);
  }

  @Test
  void money_uses_the_account_currency_and_no_prefix_when_it_is_blank() {
    // when / then
    assertThat(Formats.money("USD", Money.of(12))).isEqualTo("USD 12");
    assertThat(Formats.money("", Money.of(12))).isEqualTo("12");
  }

  @Test
  void a_month_is_its_english_name_and_year() {
    // when / then
    assertThat(Formats.month(YearMonth.of(2026, 11))).isEqualTo("November 2026");
    assertThat(Formats.month(YearMonth.of(2027, 1))).isEqualTo("January 2027");
  }

  @Test
  void months_of_one_year_carry_the_year_once_at_the_end() {
    // when / then
    assertThat(Formats.months(List.of(YearMonth.of(2026, 11)))).isEqualTo("November 2026");
    assertThat(Formats.months(List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))))
        .isEqualTo("October, November 2026");
  }

  @Test
  void months_across_years_carry_each_year_after_its_last_month() {
    // when / then
    assertThat(Formats.months(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 1))))
        .isEqualTo("December 2025, January 2026");
    assertThat(
            Formats.months(
                List.of(
                    YearMonth.of(2025, 11),
                    YearMonth.of(2025, 12),
                    YearMonth.of(2026, 1),
                    YearMonth.of(2027, 2))))
        .isEqualTo("November, December 2025, January 2026, February 2027");
  }

  @Test
  void months_are_sorted_and_distinct() {
    // when
    String formatted =
        Formats.months(
            List.of(
                YearMonth.of(2026, 1),
                YearMonth.of(2025, 12),
                YearMonth.of(2026, 1),
                YearMonth.of(2025, 10)));

    // then
    assertThat(formatted).isEqualTo("October, December 2025, January 2026");
  }

  @Test
  void no_months_is_empty() {
    // when / then
    assertThat(Formats.months(List.of())).isEmpty();
  }

  @Test
  void a_date_has_the_day_without_leading_zero_and_a_short_english_month() {
    // when / then
    assertThat(Formats.date(LocalDate.of(2026, 11, 10))).isEqualTo("10 Nov 2026");
    assertThat(Formats.date(LocalDate.of(2027, 1, 5))).isEqualTo("5 Jan 2027");
    assertThat(Formats.date(LocalDate.of(2026, 9, 30))).isEqualTo("30 Sep 2026");
  }

  @Test
  void formats_are_english_whatever_the_default_locale() {
    // given
    Locale original = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("ur-PK"));
    try {
      // when / then
      assertThat(Formats.month(YearMonth.of(2026, 5))).isEqualTo("May 2026");
      assertThat(Formats.date(LocalDate.of(2026, 5, 1))).isEqualTo("1 May 2026");
      assertThat(Formats.money("PKR", Money.of(new BigDecimal("1250.5"))))
          .isEqualTo("PKR 1,250.50");
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void names_are_joined_with_commas_and_a_final_and() {
    // when / then
    assertThat(Formats.names(List.of())).isEmpty();
    assertThat(Formats.names(List.of("Ali Raza"))).isEqualTo("Ali Raza");
    assertThat(Formats.names(List.of("Ali Raza", "Bilal Ahmed")))
        .isEqualTo("Ali Raza and Bilal Ahmed");
    assertThat(Formats.names(List.of("Ali", "Bilal", "Sara"))).isEqualTo("Ali, Bilal and Sara");
    assertThat(Formats.names(List.of("A", "B", "C", "D"))).isEqualTo("A, B, C and D");
  }
}
