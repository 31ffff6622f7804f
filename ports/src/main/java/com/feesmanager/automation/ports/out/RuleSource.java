package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.util.List;
import java.util.Map;

/** Loads an account's automation rules (as drafts, validated by the core) and templates. */
public interface RuleSource {

  RuleBook rules(String uid);

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
