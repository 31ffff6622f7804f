package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.http.JsonText;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCliTest {

  private static final String AT = "2026-11-20T10:00:30+05:00";
  private static final String SAMPLE = "../examples/academy-demo.json";

  @TempDir Path dir;

  private static Map<String, Object> json(String text) {
    return new Gson().fromJson(text, new TypeToken<Map<String, Object>>() {});
  }

  @Test
  @SuppressWarnings("unchecked")
  void preview_json_has_the_shape_of_spec_section_8() throws IOException {
    // when
    CliRun run =
        CliRun.of(
            "preview",
            "--data",
            SAMPLE,
            "--account",
            "demo-academy",
            "--rule",
            "overdue-daily",
            "--at",
            AT,
            "--json");

    // then
    assertThat(run.exitCode()).isZero();
    Map<String, Object> body = json(run.out());
    assertThat(body).containsOnlyKeys("rule", "occurrence", "messages", "skipped");
    assertThat(body.get("rule")).isEqualTo("overdue-daily");
    assertThat(body.get("occurrence")).isEqualTo("2026-11-20T10:00");
    List<Map<String, Object>> messages = (List<Map<String, Object>>) body.get("messages");
    assertThat(messages).isNotEmpty();
    assertThat(messages)
        .allSatisfy(m -> assertThat(m).containsOnlyKeys("studentIds", "to", "body"));
    // the Raza siblings share one number: one consolidated message, students in name order
    assertThat(messages)
        .filteredOn(m -> "923001234567".equals(m.get("to")))
        .singleElement()
        .satisfies(
            m ->
                assertThat((List<String>) m.get("studentIds"))
                    .containsExactly("stu-001", "stu-011", "stu-021"));
    List<Map<String, Object>> skipped = (List<Map<String, Object>>) body.get("skipped");
    assertThat(skipped).allSatisfy(s -> assertThat(s).containsOnlyKeys("studentId", "reason"));
    assertThat(skipped)
        .contains(
            Map.of("studentId", "stu-008", "reason", "OPTED_OUT"),
            Map.of("studentId", "stu-007", "reason", "INVALID_PHONE"),
            Map.of("studentId", "stu-015", "reason", "NO_PHONE"));
  }

  @Test
  void a_rule_without_an_occurrence_yet_prints_occurrence_null() throws IOException {
    // given
    ReminderPlan plan =
        new ReminderPlan(
            new Occurrence("r1", LocalDateTime.of(2026, 11, 20, 10, 0), Instant.EPOCH),
            1,
            List.of(
                new PlannedMessage(
                    new MessageKey("k1"),
                    List.of("s1"),
                    List.of("Ali"),
                    new PhoneNumber("923001234567"),
                    "Fee due",
                    List.of())),
            List.of());

    // when
    String text = JsonText.of(PreviewJson.of("r1", Optional.empty(), plan));

    // then
    assertThat(text)
        .isEqualTo(
            "{\"rule\":\"r1\",\"occurrence\":null,\"messages\":[{\"studentIds\":[\"s1\"],"
                + "\"to\":\"923001234567\",\"body\":\"Fee due\"}],\"skipped\":[]}");
  }

  @Test
  void text_preview_lists_recipients_bodies_and_skips_and_writes_nothing() throws IOException {
    Path outbox = dir.resolve("outbox.txt");

    CliRun run =
        CliRun.of(
            "preview",
            "--data",
            SAMPLE,
            "--account",
            "demo-academy",
            "--rule",
            "weekly-urdu",
            "--at",
            AT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("rule weekly-urdu, occurrence 2026-11-19T17:30");
    assertThat(run.out()).contains("Maryam Javed (stu-008): OPTED_OUT");
    assertThat(Files.exists(outbox)).isFalse();
  }

  @Test
  void an_invalid_rule_prints_its_problems_and_exits_1() throws IOException {
    // given
    Path file = dir.resolve("account.json");
    Files.writeString(
        file,
        """
        {"uid": "a1",
         "account": {"automation": {"enabled": true}},
         "students": {},
         "templates": {},
         "automationRules": {
           "r1": {"schedule": {"frequency": "DAILY", "time": "25:00"}, "template": "Hi {parentName}"}
         }}
        """);

    // when
    CliRun run = CliRun.of("preview", "--data", file.toString(), "--account", "a1", "--rule", "r1");

    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("schedule.time").contains("parentName");
  }

  @Test
  void an_unknown_account_or_rule_is_a_usage_error() {
    CliRun account = CliRun.of("preview", "--data", SAMPLE, "--account", "nobody", "--rule", "r1");
    CliRun rule =
        CliRun.of("preview", "--data", SAMPLE, "--account", "demo-academy", "--rule", "nope");

    assertThat(account.exitCode()).isEqualTo(2);
    assertThat(account.err()).contains("no account nobody");
    assertThat(rule.exitCode()).isEqualTo(2);
    assertThat(rule.err()).contains("no rule nope");
  }

  @Test
  void an_instant_without_an_offset_is_refused_with_exit_2() {
    CliRun run =
        CliRun.of(
            "preview",
            "--data",
            SAMPLE,
            "--account",
            "demo-academy",
            "--rule",
            "r1",
            "--at",
            "2026-11-20");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ISO-8601 instant with an offset");
  }

  @Test
  void an_unreadable_data_file_is_one_clear_line_and_exit_2() {
    CliRun run =
        CliRun.of(
            "preview",
            "--data",
            dir.resolve("missing.json").toString(),
            "--account",
            "a",
            "--rule",
            "r");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: --data")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }
}
