package com.feesmanager.automation.runner.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskingTest {

  @Test
  void masks_a_number_like_PhoneNumber_masked() {
    assertThat(PhoneMasking.mask("sent to 923001234567 at 10:00"))
        .isEqualTo("sent to 92300*****67 at 10:00");
  }

  @Test
  void keeps_a_leading_plus_and_masks_every_number() {
    assertThat(PhoneMasking.mask("+923001234567,923331112299"))
        .isEqualTo("+92300*****67,92333*****99");
  }

  @Test
  void masks_runs_of_10_to_15_digits_only() {
    assertThat(PhoneMasking.mask("123456789")).isEqualTo("123456789");
    assertThat(PhoneMasking.mask("1234567890")).isEqualTo("12345***90");
    assertThat(PhoneMasking.mask("123456789012345")).isEqualTo("12345********45");
    assertThat(PhoneMasking.mask("1234567890123456")).isEqualTo("1234567890123456");
  }

  @Test
  void returns_text_without_numbers_and_null_unchanged() {
    assertThat(PhoneMasking.mask("no numbers here, only 42")).isEqualTo("no numbers here, only 42");
    assertThat(PhoneMasking.mask(null)).isNull();
  }

  @Test
  void leaves_digit_runs_inside_a_hex_message_key_alone_so_the_key_can_be_looked_up() {
    String key = "b928471234567e27e0a1"; // 12 digits between hex letters
    assertThat(PhoneMasking.mask("Message " + key + " to 923001234567: dead"))
        .isEqualTo("Message " + key + " to 92300*****67: dead");
  }

  @Test
  void still_masks_a_number_inside_a_whatsapp_id() {
    assertThat(PhoneMasking.mask("id true_923001234567@c.us_3EB0"))
        .isEqualTo("id true_92300*****67@c.us_3EB0");
  }
}
