package com.feesmanager.automation.domain.rule;

import com.feesmanager.automation.domain.template.CompiledTemplate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A valid automation rule, its template compiled. Built by {@link RuleValidator}. */
public record Rule(
    String id,
    String name,
    boolean enabled,
    Schedule schedule,
    Criteria criteria,
    Audience audience,
    CompiledTemplate template,
    Optional<Instant> createdAt,
    boolean consolidate) {

  public Rule {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(schedule, "'schedule' must not be null");
    Objects.requireNonNull(criteria, "'criteria' must not be null");
    Objects.requireNonNull(audience, "'audience' must not be null");
    Objects.requireNonNull(template, "'template' must not be null");
    Objects.requireNonNull(createdAt, "'createdAt' must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("'id' must not be blank");
    }
  }
}
