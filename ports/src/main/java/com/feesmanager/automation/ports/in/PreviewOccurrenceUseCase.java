package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.rule.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an occurrence of a rule would send, writing nothing (SPEC §8 {@code preview}): the rule is
 * evaluated on the local date of the instant; the occurrence is the latest at or before it.
 */
public interface PreviewOccurrenceUseCase {

  Preview preview(PreviewCommand command);

  /** Preview rule {@code ruleId} of account {@code uid} as of {@code at}. */
  record PreviewCommand(String uid, String ruleId, Instant at) {
    public PreviewCommand {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(ruleId, "'ruleId' must not be null");
      Objects.requireNonNull(at, "'at' must not be null");
    }
  }

  /** The answer. */
  sealed interface Preview {
    /** The plan; {@code occurrence} is the latest scheduled at or before the instant, if any. */
    record Planned(String ruleId, Optional<String> occurrence, ReminderPlan plan)
        implements Preview {}

    /** The rule is invalid; it would send nothing. */
    record InvalidRule(String ruleId, List<RuleProblem> problems) implements Preview {
      public InvalidRule {
        problems = List.copyOf(problems);
      }
    }

    /** No such account or rule. */
    record NotFound(String what) implements Preview {}
  }
}
