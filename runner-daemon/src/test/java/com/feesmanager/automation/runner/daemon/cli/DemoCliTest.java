package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {

  @TempDir Path dir;

  @Test
  void demo_fires_the_sample_delivers_through_the_outbox_and_summarises() throws IOException {
    // given
    Path outbox = dir.resolve("outbox.txt");

    // when
    CliRun run =
        CliRun.of(
            "demo",
            "--at",
            "2026-11-20T10:00:30+05:00",
            "--min-gap",
            "PT0S",
            "--outbox",
            outbox.toString());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("overdue-daily", "FIRED", "Summary:");
    assertThat(run.out())
        .contains("skipped OPTED_OUT")
        .contains("skipped INVALID_PHONE")
        .contains("skipped NO_PHONE");
    Matcher sent = Pattern.compile("sent (\\d+), skipped (\\d+)").matcher(run.out());
    assertThat(sent.find()).isTrue();
    int sentCount = Integer.parseInt(sent.group(1));
    assertThat(sentCount).isPositive();
    // every message sent is in the outbox exactly once
    long blocks =
        Files.readAllLines(outbox).stream().filter(l -> l.startsWith("=== outbox-")).count();
    assertThat(blocks).isEqualTo(sentCount);
    assertThat(run.out()).contains("still queued 0");
  }

  @Test
  void inside_quiet_hours_nothing_is_sent_and_messages_stay_queued() throws IOException {
    // 23:00 in Karachi is inside the sample's 21:00–08:00 quiet hours
    Path outbox = dir.resolve("outbox.txt");

    CliRun run =
        CliRun.of(
            "demo",
            "--at",
            "2026-11-20T23:00:00+05:00",
            "--max-seconds",
            "2",
            "--outbox",
            outbox.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("sent 0,");
    assertThat(run.out()).doesNotContain("still queued 0");
    assertThat(Files.exists(outbox)).isFalse();
  }
}
