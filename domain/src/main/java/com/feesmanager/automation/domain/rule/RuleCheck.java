package com.feesmanager.automation.domain.rule;

import java.util.List;
import java.util.Objects;

/** The outcome of validating a {@link RuleDraft}: a usable rule, or every problem found. */
public sealed interface RuleCheck {

  String ruleId();

  /** The draft was valid. */
  record Valid(Rule rule) implements RuleCheck {
    public Valid {
      Objects.requireNonNull(rule, "'rule' must not be null");
    }

    @Override
    public String ruleId() {
      return rule.id();
    }
  }

  /** The draft was invalid; it fires nothing and is reported. */
  record Invalid(String ruleId, String ruleName, List<RuleProblem> problems) implements RuleCheck {
    public Invalid {
      Objects.requireNonNull(ruleId, "'ruleId' must not be null");
      Objects.requireNonNull(ruleName, "'ruleName' must not be null");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid rule needs at least one problem");
      }
    }
  }
}
