package com.feesmanager.automation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

  private static DotEnvFile.Parsed parse(String text) {
    return DotEnvFile.parse(text, ".env");
  }

  @Test
  void reads_names_and_values_skipping_blank_lines_and_comments() {
    // when
    var parsed =
        parse(
            """
            # the gateway
            WPPCONNECT_SESSION_ID=academy

              MAX_ATTEMPTS = 5
            \t# indented comment
            """);

    // then
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.values())
        .isEqualTo(Map.of("WPPCONNECT_SESSION_ID", "academy", "MAX_ATTEMPTS", "5"));
  }

  @Test
  void accepts_the_export_prefix_of_shell_files() {
    assertThat(parse("export TZ=UTC\nexport\tLOG_LEVEL=debug\n").values())
        .isEqualTo(Map.of("TZ", "UTC", "LOG_LEVEL", "debug"));
  }

  @Test
  void a_hash_starts_a_comment_only_after_whitespace_as_in_compose() {
    // when
    var values =
        parse("A=pa#ss\nB=value # a comment\nC=#not-a-comment\nD= # only a comment\n").values();

    // then
    assertThat(values).containsEntry("A", "pa#ss").containsEntry("B", "value");
    assertThat(values).containsEntry("C", "#not-a-comment").containsEntry("D", "");
  }

  @Test
  void double_quotes_understand_escapes_and_single_quotes_are_literal() {
    // when
    var values =
        parse(
                """
                DOUBLE="line one\\nline two\\t\\"quoted\\" \\\\ C:\\\\x \\d"
                SINGLE='line one\\nstays $literal # not a comment'
                EMPTY=""
                SPACED="  kept  "   # comment after the quote
                """)
            .values();

    // then
    assertThat(values.get("DOUBLE")).isEqualTo("line one\nline two\t\"quoted\" \\ C:\\x \\d");
    assertThat(values.get("SINGLE")).isEqualTo("line one\\nstays $literal # not a comment");
    assertThat(values.get("EMPTY")).isEmpty();
    assertThat(values.get("SPACED")).isEqualTo("  kept  ");
  }

  @Test
  void quoted_values_may_span_lines_and_line_numbers_stay_right() {
    // when
    var parsed =
        parse(
            "KEY=\"-----BEGIN PRIVATE KEY-----\r\nabc\r\n-----END PRIVATE KEY-----\"\r\n"
                + "NEXT=1\r\n"
                + "oops\r\n");

    // then
    assertThat(parsed.values().get("KEY"))
        .isEqualTo("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----");
    assertThat(parsed.values().get("NEXT")).isEqualTo("1");
    assertThat(parsed.problems()).extracting(ConfigProblem::subject).containsExactly(".env line 5");
  }

  @Test
  void a_later_line_wins_and_a_byte_order_mark_is_ignored() {
    assertThat(parse("\uFEFFTZ=UTC\nTZ=Asia/Karachi\n").values())
        .isEqualTo(Map.of("TZ", "Asia/Karachi"));
  }

  @Test
  void malformed_lines_are_reported_by_number_without_their_content() {
    // when
    var parsed =
        parse(
            """
            GOOD=1
            -----BEGIN PRIVATE KEY----- s3cr3t-material
            9BAD=2
            QUOTED="x" trailing-s3cr3t
            ALSO_GOOD=2
            """);

    // then
    assertThat(parsed.values()).isEqualTo(Map.of("GOOD", "1", "ALSO_GOOD", "2"));
    assertThat(parsed.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            ".env line 2: expected NAME=value (the line is not shown: it may hold a secret)",
            ".env line 3: expected NAME=value (the line is not shown: it may hold a secret)",
            ".env line 4: unexpected text after the closing quote of QUOTED");
    assertThat(parsed.problems().toString()).doesNotContain("s3cr3t");
  }

  @Test
  void an_unclosed_quote_is_reported_once_and_swallows_nothing_else_silently() {
    // when
    var parsed = parse("A=1\nKEY=\"never closed\nB=2\n");

    // then
    assertThat(parsed.values()).isEqualTo(Map.of("A", "1"));
    assertThat(parsed.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(".env line 2: the quote opening the value of KEY is never closed");
  }
}
