package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scripts as loaded: shared fragments put in front, so each step's logic exists once. */
class ScriptTest {

  /** Occurrences of {@code needle} in {@code text}. */
  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  @Test
  void claiming_is_written_once_and_shared_by_claim_and_complete_and_claim() {
    // the pop of the oldest ready message is the heart of a claim
    assertThat(count(Script.QUEUE_CLAIM.body(), "ZPOPMIN")).isOne();
    assertThat(count(Script.QUEUE_COMPLETE_CLAIM.body(), "ZPOPMIN")).isOne();
  }

  @Test
  void completing_is_written_once_and_shared_by_complete_and_complete_and_claim() {
    // forgetting the message's state is the heart of a completion
    assertThat(count(Script.QUEUE_COMPLETE.body(), "HDEL")).isOne();
    assertThat(count(Script.QUEUE_COMPLETE_CLAIM.body(), "HDEL")).isOne();
  }

  @Test
  void every_script_has_its_own_digest() {
    assertThat(Arrays.stream(Script.values()).map(Script::sha).distinct())
        .hasSize(Script.values().length);
  }
}
