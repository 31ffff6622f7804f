package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview} and {@code demo} label an instant's occurrence alike, in local time with its
 * zone.
 */
class LocalLabelsTest {

  private static final String SAMPLE = "../examples/academy-demo.json";
  private static final String AT = "2026-11-20T10:00:30+05:00";

  @TempDir Path dir;

  @Test
  void preview_and_demo_name_the_same_occurrence_with_the_account_zone() throws Exception {
    // when
    CliRun demo =
        CliRun.of(
            "demo",
            "--at",
            AT,
            "--outbox",
            dir.resolve("outbox.txt").toString(),
            "--min-gap",
            "0",
            "--max-seconds",
            "5");
    // then: the header is local too, with its zone
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("== fees-automation demo as of 2026-11-20T10:00:30+05:00[Asia/Karachi]");
    for (String rule :
        new String[] {
          "overdue-daily", "weekly-urdu", "before-due-monthly", "olevel-final-notice"
        }) {
      Matcher row =
          Pattern.compile("(?m)^  " + rule + "\\s+(\\S+) (\\S+)\\s+FIRED").matcher(demo.out());
      assertThat(row.find()).as(demo.out()).isTrue();
      CliRun preview =
          CliRun.of(
              "preview", "--data", SAMPLE, "--account", "demo-academy", "--rule", rule, "--at", AT);
      assertThat(preview.out())
          .as(rule)
          .contains("occurrence " + row.group(1) + " " + row.group(2) + ":");
      assertThat(row.group(2)).isEqualTo("Asia/Karachi");
    }
    Files.deleteIfExists(Path.of("outbox.txt"));
  }
}
