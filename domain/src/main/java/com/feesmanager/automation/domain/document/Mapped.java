package com.feesmanager.automation.domain.document;

import java.util.List;
import java.util.Objects;

/** A document mapped to a value, or the problems that stopped it. */
public sealed interface Mapped<T> {

  /** The document was understood. */
  record Ok<T>(T value) implements Mapped<T> {
    public Ok {
      Objects.requireNonNull(value, "'value' must not be null");
    }
  }

  /** The document was not understood; it is reported and skipped. */
  record Broken<T>(List<DocumentProblem> problems) implements Mapped<T> {
    public Broken {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a broken document needs at least one problem");
      }
    }
  }
}
