package com.feesmanager.automation.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageKeyWithoutRecipientTest {

  @Test
  void a_skip_without_a_number_has_a_stable_key_per_student_and_occurrence() {
    MessageKey first =
        MessageKey.withoutRecipient("academy-1", "overdue", "2026-11-20T10:00", List.of("s1"));
    MessageKey again =
        MessageKey.withoutRecipient("academy-1", "overdue", "2026-11-20T10:00", List.of("s1"));
    MessageKey otherStudent =
        MessageKey.withoutRecipient("academy-1", "overdue", "2026-11-20T10:00", List.of("s2"));

    assertThat(first).isEqualTo(again);
    assertThat(first).isNotEqualTo(otherStudent);
    assertThat(first.value()).hasSize(32);
  }

  @Test
  void it_never_collides_with_the_key_of_a_message_to_a_number() {
    MessageKey skipped =
        MessageKey.withoutRecipient("academy-1", "overdue", "2026-11-20T10:00", List.of("s1"));
    MessageKey sent =
        MessageKey.of(
            "academy-1",
            "overdue",
            "2026-11-20T10:00",
            List.of("s1"),
            new PhoneNumber("923001234567"));

    assertThat(skipped).isNotEqualTo(sent);
  }
}
