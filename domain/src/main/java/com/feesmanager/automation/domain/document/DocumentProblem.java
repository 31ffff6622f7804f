package com.feesmanager.automation.domain.document;

import java.util.Objects;

/** Why a document could not be understood: its path, the field, and a reason. */
public record DocumentProblem(String path, String field, String reason) {

  public DocumentProblem {
    Objects.requireNonNull(path, "'path' must not be null");
    Objects.requireNonNull(field, "'field' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
  }

  @Override
  public String toString() {
    return path + " " + field + ": " + reason;
  }
}
