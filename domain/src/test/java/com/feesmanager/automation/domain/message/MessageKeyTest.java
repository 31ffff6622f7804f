package com.feesmanager.automation.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageKeyTest {

  private static final PhoneNumber TO = new PhoneNumber("923001234567");

  private static MessageKey key(
      String uid, String ruleId, String occurrence, List<String> studentIds, PhoneNumber to) {
    return MessageKey.of(uid, ruleId, occurrence, studentIds, to);
  }

  @Test
  void the_key_never_changes_for_the_same_message() {
    // when
    MessageKey key = key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1"), TO);

    // then: pinned, because keys are log ids and dedupe entries already stored
    assertThat(key.value()).isEqualTo("f086d07503f5793a882487518be5372e");
    assertThat(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1"), TO)).isEqualTo(key);
  }

  @Test
  void the_key_is_32_lowercase_hex_digits() {
    // when
    MessageKey key = key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1", "s2"), TO);

    // then
    assertThat(key.value()).matches("[0-9a-f]{32}");
    assertThat(key.toString()).isEqualTo(key.value());
  }

  @Test
  void the_order_of_student_ids_does_not_matter() {
    // when / then
    assertThat(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s3", "s1", "s2"), TO))
        .isEqualTo(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1", "s2", "s3"), TO));
  }

  @Test
  void every_field_changes_the_key() {
    // given
    MessageKey base = key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1"), TO);

    // when / then
    assertThat(key("academy-2", "overdue", "2026-11-10T10:00", List.of("s1"), TO))
        .isNotEqualTo(base);
    assertThat(key("academy-1", "before-due", "2026-11-10T10:00", List.of("s1"), TO))
        .isNotEqualTo(base);
    assertThat(key("academy-1", "overdue", "2026-11-11T10:00", List.of("s1"), TO))
        .isNotEqualTo(base);
    assertThat(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s2"), TO))
        .isNotEqualTo(base);
    assertThat(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1", "s2"), TO))
        .isNotEqualTo(base);
    assertThat(
            key(
                "academy-1",
                "overdue",
                "2026-11-10T10:00",
                List.of("s1"),
                new PhoneNumber("923001234568")))
        .isNotEqualTo(base);
  }

  @Test
  void field_boundaries_are_unambiguous() {
    // when / then: the same characters split differently are different messages
    assertThat(key("ab", "c", "2026-11-10T10:00", List.of("s1"), TO))
        .isNotEqualTo(key("a", "bc", "2026-11-10T10:00", List.of("s1"), TO));
    assertThat(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1", "s2"), TO))
        .isNotEqualTo(key("academy-1", "overdue", "2026-11-10T10:00", List.of("s1s2"), TO));
  }

  @Test
  void a_key_needs_a_student() {
    // when / then
    assertThatThrownBy(() -> key("academy-1", "overdue", "2026-11-10T10:00", List.of(), TO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
