package com.feesmanager.automation.domain.template;

import java.util.List;
import java.util.Objects;

/** The outcome of compiling a template body. */
public sealed interface TemplateCompilation {

  /** The body compiled. */
  record Compiled(CompiledTemplate template) implements TemplateCompilation {
    public Compiled {
      Objects.requireNonNull(template, "'template' must not be null");
    }
  }

  /** The body has problems, each a human sentence (e.g. {@code unknown placeholder {fee}}). */
  record Rejected(List<String> problems) implements TemplateCompilation {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected template needs at least one problem");
      }
    }
  }
}
