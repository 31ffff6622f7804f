package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tick}'s numbers add up: what the fired occurrences queued is what the delivery line
 * counts.
 */
class TickSummaryTest {

  private static final String SAMPLE = "../examples/academy-demo.json";

  @AfterEach
  void removeOutbox() throws Exception {
    Files.deleteIfExists(Path.of("outbox.txt"));
  }

  @Test
  void queued_is_sent_plus_skipped_failed_dead_held_and_waiting_messages() {
    // given: the sample's 10:00 rule queues 18 messages; with the production gap of 3 s between
    // sends only a few go out within 2 seconds, the rest wait for the next run
    CliRun run =
        CliRun.of(
            "tick", "--data", SAMPLE, "--at", "2026-11-20T10:00:30+05:00", "--max-seconds", "2");

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    int queued = 0;
    Matcher fired = Pattern.compile("(?m)^FIRED .*queued (\\d+),").matcher(run.out());
    while (fired.find()) {
      queued += Integer.parseInt(fired.group(1));
    }
    Matcher delivered =
        Pattern.compile(
                "delivered: sent (\\d+), skipped (\\d+), failed (\\d+), dead (\\d+), held (\\d+),"
                    + " waiting (\\d+) \\(in 1 session\\(s\\)\\)")
            .matcher(run.out());
    assertThat(delivered.find()).as(run.out()).isTrue();
    int counted = 0;
    for (int group = 1; group <= 6; group++) {
      counted += Integer.parseInt(delivered.group(group));
    }
    assertThat(queued).isEqualTo(18);
    // the occurrence is the account's local time, said so
    assertThat(run.out())
        .contains("FIRED demo-academy overdue-daily 2026-11-20T10:00 Asia/Karachi:");
    assertThat(counted).as(run.out()).isEqualTo(queued);
    assertThat(Integer.parseInt(delivered.group(6))).as("some messages wait").isPositive();
  }
}
