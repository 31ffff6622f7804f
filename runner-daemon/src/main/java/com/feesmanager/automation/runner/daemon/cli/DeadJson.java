package com.feesmanager.automation.runner.daemon.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.feesmanager.automation.ports.out.DeadLetter;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code dead list --json}: {@code {"count", "deadLetters":[{"key", "account", "rule",
 * "occurrence", "session", "to" (masked), "attempts", "reason", "diedAt"}]}}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record DeadJson(int count, List<Letter> deadLetters) {

  static DeadJson of(List<DeadLetter> dead) {
    return new DeadJson(dead.size(), dead.stream().map(Letter::of).toList());
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Letter(
      String key,
      String account,
      String rule,
      String occurrence,
      String session,
      String to,
      int attempts,
      String reason,
      String diedAt) {

    static Letter of(DeadLetter letter) {
      var message = letter.message();
      return new Letter(
          message.key().value(),
          message.uid(),
          message.ruleId(),
          message.occurrence().toString(),
          message.session(),
          message.message().to().masked(),
          letter.attempts(),
          letter.reason(),
          letter.diedAt().toString());
    }
  }
}
