package com.feesmanager.automation.bootstrap.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration, as one line: {@code subject} is the variable (or {@code
 * .env line N}), {@code message} says what is expected and, unless the value is secret, what was
 * found.
 */
public record ConfigProblem(String subject, String message) {

  public ConfigProblem {
    Objects.requireNonNull(subject, "'subject' must not be null");
    Objects.requireNonNull(message, "'message' must not be null");
    if (subject.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("'subject' and 'message' must not be blank");
    }
    if (subject.contains("\n") || message.contains("\n")) {
      throw new IllegalArgumentException("a problem is one line");
    }
  }

  @Override
  public String toString() {
    return subject + ": " + message;
  }
}
