package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetailsTest {

  @Test
  void phoneLengthDigitRuns_areMasked_likePhoneNumberMasked() {
    assertThat(Details.safe("O número 923001234567 não existe."))
        .isEqualTo("O número 92300*****67 não existe.");
  }

  @Test
  void shortNumbersAndLongBodies() {
    assertThat(Details.safe("HTTP 500 at 12:00")).isEqualTo("HTTP 500 at 12:00");
    assertThat(Details.safe("x".repeat(500))).hasSize(161).endsWith("…");
  }
}
