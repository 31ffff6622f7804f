package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.rule.Occurrence;
import io.lettuce.core.cluster.SlotHash;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

  private final Keys keys = new Keys("fm:");

  @ParameterizedTest
  @ValueSource(strings = {"default", "", "a{b}c", "}x{", "{}", "100%", "سیشن"})
  void everyKeyOfASession_hashesToOneClusterSlot(String session) {
    // given
    List<String> all =
        List.of(
            keys.queue(session)[0],
            keys.queue(session)[5],
            keys.rateLimit(session)[0],
            keys.rateLimit(session)[1],
            keys.lease(session));

    // when
    int[] slots = all.stream().mapToInt(SlotHash::getSlot).distinct().toArray();

    // then
    assertThat(slots).as(Arrays.toString(slots)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"academy-1", "", "a{b}"})
  void occurrenceKeysOfAnAccount_shareTheAccountsSlot(String uid) {
    // given
    Occurrence first = new Occurrence("r1", LocalDateTime.parse("2026-11-10T10:00"), Instant.EPOCH);
    Occurrence second =
        new Occurrence("r2", LocalDateTime.parse("2026-11-11T10:00"), Instant.EPOCH);

    // then
    assertThat(SlotHash.getSlot(keys.occurrence(uid, first)))
        .isEqualTo(SlotHash.getSlot(keys.occurrence(uid, second)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a{b}", "a%7Bb}"})
  void escapedTags_neverCollide(String other) {
    assertThat(Keys.tag("a{b}")).isEqualTo("a%7Bb%7D");
    assertThat(Keys.tag("a%7Bb}")).isEqualTo("a%257Bb%7D");
    assertThat(Keys.tag("")).isEqualTo("%");
    assertThat(Keys.tag(other)).isNotEqualTo(Keys.tag(other + "x"));
  }
}
