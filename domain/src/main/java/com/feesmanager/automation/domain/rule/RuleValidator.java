package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.account.Template;
import java.util.Map;

/**
 * Turns a {@link RuleDraft} into a {@link Rule}, reporting every problem at once: bad schedule, bad
 * criteria, contradictory windows, missing template, unknown placeholder (SPEC §1.4, §3).
 */
public final class RuleValidator {

  private RuleValidator() {}

  /**
   * Validates {@code draft} against the account's templates (by id). The inline {@code template}
   * wins over {@code templateId}.
   */
  public static RuleCheck validate(RuleDraft draft, Map<String, Template> templates) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
