package com.feesmanager.automation.runner.daemon.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.feesmanager.automation.domain.message.ReminderPlan;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * SPEC §8's {@code preview --json} shape: {@code {"rule", "occurrence", "messages":[{"studentIds",
 * "to", "body"}], "skipped":[{"studentId", "reason"}]}}; {@code occurrence} is null when the rule
 * has not had one yet.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PreviewJson(
    String rule, @Nullable String occurrence, List<Message> messages, List<Skipped> skipped) {

  static PreviewJson of(String rule, @Nullable String occurrence, ReminderPlan plan) {
    return new PreviewJson(
        rule,
        occurrence,
        plan.messages().stream()
            .map(m -> new Message(m.studentIds(), m.to().digits(), m.body()))
            .toList(),
        plan.skips().stream().map(s -> new Skipped(s.studentId(), s.reason().code())).toList());
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Message(List<String> studentIds, String to, String body) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Skipped(String studentId, String reason) {}
}
