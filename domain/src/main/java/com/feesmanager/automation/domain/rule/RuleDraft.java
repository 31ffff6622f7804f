package com.feesmanager.automation.domain.rule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule as written in its document, before validation: values are kept raw (strings and numbers)
 * so that {@link RuleValidator} can report every problem at once. {@code problems} carries what the
 * document mapper already found (wrong types), so they are reported together.
 */
public record RuleDraft(
    String id,
    Optional<String> name,
    boolean enabled,
    Optional<String> frequency,
    Optional<String> time,
    List<String> daysOfWeek,
    Optional<Integer> dayOfMonth,
    Optional<List<String>> statuses,
    Optional<Integer> minDaysOverdue,
    Optional<Integer> maxDaysOverdue,
    Optional<Integer> dueWithinDays,
    Optional<List<String>> classes,
    Optional<java.math.BigDecimal> minBalance,
    Optional<String> audience,
    Optional<String> templateId,
    Optional<String> template,
    Optional<Instant> createdAt,
    boolean consolidate,
    List<RuleProblem> problems) {

  public RuleDraft {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(frequency, "'frequency' must not be null");
    Objects.requireNonNull(time, "'time' must not be null");
    daysOfWeek = List.copyOf(daysOfWeek);
    Objects.requireNonNull(dayOfMonth, "'dayOfMonth' must not be null");
    statuses = statuses.map(List::copyOf);
    Objects.requireNonNull(minDaysOverdue, "'minDaysOverdue' must not be null");
    Objects.requireNonNull(maxDaysOverdue, "'maxDaysOverdue' must not be null");
    Objects.requireNonNull(dueWithinDays, "'dueWithinDays' must not be null");
    classes = classes.map(List::copyOf);
    Objects.requireNonNull(minBalance, "'minBalance' must not be null");
    Objects.requireNonNull(audience, "'audience' must not be null");
    Objects.requireNonNull(templateId, "'templateId' must not be null");
    Objects.requireNonNull(template, "'template' must not be null");
    Objects.requireNonNull(createdAt, "'createdAt' must not be null");
    problems = List.copyOf(problems);
  }

  /**
   * The draft of a rule document that could not be read at all: no values, one problem, so that
   * validation reports it with the other rules.
   */
  public static RuleDraft unreadable(String id, RuleProblem problem) {
    return new RuleDraft(
        id,
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of(problem));
  }

  /** The rule's display name: {@code name}, or its id when absent. */
  public String displayName() {
    return name.filter(n -> !n.isBlank()).orElse(id);
  }
}
