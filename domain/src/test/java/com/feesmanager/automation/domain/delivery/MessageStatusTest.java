package com.feesmanager.automation.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageStatusTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "QUEUED, SENT, true",
    "SENT, DELIVERED, true",
    "DELIVERED, READ, true",
    "SENT, READ, true",
    "QUEUED, DEAD, true",
    "SENT, FAILED, true",
    "READ, DELIVERED, false",
    "DELIVERED, SENT, false",
    "READ, FAILED, false",
    "FAILED, SENT, false",
    "SKIPPED, SENT, false",
    "SENT, SENT, false",
    // a requeued dead letter gets one more outcome; receipts then follow its SENT
    "DEAD, SENT, true",
    "DEAD, FAILED, true",
    "DEAD, SKIPPED, true",
    "DEAD, DELIVERED, false",
    "DEAD, READ, false",
    "DEAD, QUEUED, false",
    "DEAD, DEAD, false"
  })
  void moves(MessageStatus from, MessageStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"QUEUED, false", "SENT, false", "DELIVERED, false", "READ, true", "FAILED, true"})
  void final_statuses(MessageStatus status, boolean isFinal) {
    assertThat(status.isFinal()).isEqualTo(isFinal);
  }
}
