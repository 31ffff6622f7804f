package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help texts wrapped by picocli and pointing at this repository; bad flags as one line. */
class CliHelpTest {

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of(),
          List.of("demo"),
          List.of("preview"),
          List.of("tick"),
          List.of("daemon"),
          List.of("status"),
          List.of("check"),
          List.of("import"),
          List.of("send-test"),
          List.of("dead"),
          List.of("dead", "list"),
          List.of("dead", "requeue"),
          List.of("dead", "drop"),
          List.of("session", "rebind"));

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
  void help_is_wrapped_by_picocli_and_names_files_of_this_repository(int index) {
    // given
    List<String> args = new java.util.ArrayList<>(COMMANDS.get(index));
    args.add("--help");

    // when
    CliRun run = CliRun.of(args.toArray(String[]::new));

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("SPEC").doesNotContain("defaults to the bundled sample");
    assertThat(run.out().lines())
        .allSatisfy(
            line -> {
              assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
              // a hand-wrapped or cut instant: "2026-11-20T10:00:30+05:" then "00."
              assertThat(line).doesNotEndWith("+05:");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"preview", "demo", "tick"})
  void an_example_instant_stays_on_one_line(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.out()).containsPattern("2026-11-\\d\\dT10:00:30\\+05:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"status --bogus", "dead list --limit", "check extra", "tick --at tomorrow"})
  void a_bad_flag_or_value_is_one_line_that_says_where_the_help_is(String line) {
    // when
    String[] args = line.split(" ");
    CliRun run = CliRun.of(args);

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .endsWith("--help')");
  }

  @org.junit.jupiter.api.Test
  void demo_help_says_it_runs_the_bundled_sample_and_preview_help_does_not() {
    assertThat(CliRun.of("demo", "--help").out()).contains("examples/academy-demo.json");
    assertThat(CliRun.of("preview", "--help").out()).doesNotContain("bundled sample");
  }
}
