package com.feesmanager.automation.bootstrap.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used; carries every problem found, one line each, so the operator
 * fixes them all in one go (SPEC §8: exit code 2). Its message never contains a secret.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  // A List.copyOf is serializable; the field is final and never exposed mutable.
  @SuppressWarnings("serial")
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order the variables are documented. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    Objects.requireNonNull(problems, "'problems' must not be null");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration error needs at least one problem");
    }
    return problems.stream()
        .map(ConfigProblem::toString)
        .collect(
            Collectors.joining(
                "\n  ",
                "invalid configuration ("
                    + problems.size()
                    + " problem"
                    + (problems.size() == 1 ? "" : "s")
                    + "):\n  ",
                ""));
  }
}
