package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.util.List;
import java.util.Map;

/** Loads an account's automation rules (as drafts, validated by the core) and templates. */
public interface RuleSource {

  RuleBook rules(String uid);

  /**
   * Starts reading the rules of {@code uids}, in that order, ahead of the {@link #rules} calls a
   * firing is about to make for them (issue 16: the accounts fired last no longer wait for their
   * first read until their turn). Each read ahead serves one {@link #rules} call made soon after,
   * so the rules are as of this call or later; an adapter whose reads cost nothing does nothing.
   */
  default void readAhead(List<String> uids) {}

  /** Rule drafts, templates by id, and problems of template documents. */
  record RuleBook(
      List<RuleDraft> rules, Map<String, Template> templates, List<DocumentProblem> problems) {
    public RuleBook {
      rules = List.copyOf(rules);
      templates = Map.copyOf(templates);
      problems = List.copyOf(problems);
    }
  }
}
