package com.feesmanager.automation.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormaliserTest {

  private final PhoneNormaliser pakistan = new PhoneNormaliser("92");

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0300-1234567         | 923001234567",
        "03001234567          | 923001234567",
        "+92 300 1234567      | 923001234567",
        "+923001234567        | 923001234567",
        "0092 300 1234567     | 923001234567",
        "(0300) 123.4567      | 923001234567",
        "923001234567         | 923001234567",
        "' 0300 - 123 45 67 ' | 923001234567",
        "[0300] 1234567       | 923001234567",
        "+44 20 7946 0958     | 442079460958",
        "+1 (415) 555-2671    | 14155552671",
        "0044 20 7946 0958    | 442079460958",
        "(+92) 300-1234567    | 923001234567",
      })
  void written_numbers_become_digits_with_country_code(String raw, String expected) {
    // when / then
    assertThat(pakistan.normalise(raw)).contains(new PhoneNumber(expected));
  }

  @Test
  void a_single_leading_zero_takes_the_configured_country_code() {
    // given
    PhoneNormaliser unitedKingdom = new PhoneNormaliser("44");

    // when / then
    assertThat(unitedKingdom.normalise("020 7946 0958")).contains(new PhoneNumber("442079460958"));
  }

  @Test
  void non_breaking_spaces_and_tabs_count_as_spaces() {
    // when / then
    assertThat(pakistan.normalise("0300\u00a01234567")).contains(new PhoneNumber("923001234567"));
    assertThat(pakistan.normalise("0300\t1234567")).contains(new PhoneNumber("923001234567"));
  }

  @Test
  void urdu_digits_count_as_digits() {
    // when / then
    assertThat(pakistan.normalise("۰۳۰۰-۱۲۳۴۵۶۷")).contains(new PhoneNumber("923001234567"));
  }

  @Test
  void ten_and_fifteen_digits_are_the_bounds() {
    // when / then
    assertThat(pakistan.normalise("1234567890")).contains(new PhoneNumber("1234567890"));
    assertThat(pakistan.normalise("123456789")).isEmpty();
    assertThat(pakistan.normalise("123456789012345")).contains(new PhoneNumber("123456789012345"));
    assertThat(pakistan.normalise("1234567890123456")).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @ValueSource(
      strings = {
        "",
        "   ",
        "+",
        "()",
        "0300-1234",
        "+1 555 1234",
        "+92 300 1234567 89012",
        "0300-CALL-NOW",
        "0300 1234567 ext 2",
        "0300/1234567",
        "0300+1234567",
        "++923001234567",
        "0003001234567",
      })
  void numbers_too_short_too_long_or_with_other_characters_are_invalid(String raw) {
    // when / then
    assertThat(pakistan.normalise(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "092", "12345", "9a"})
  void a_country_code_is_one_to_four_digits_not_starting_with_zero(String code) {
    // when / then
    assertThatThrownBy(() -> new PhoneNormaliser(code))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
