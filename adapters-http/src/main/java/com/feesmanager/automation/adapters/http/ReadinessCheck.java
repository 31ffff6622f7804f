package com.feesmanager.automation.adapters.http;

import java.util.Objects;

/**
 * Whether one dependency of the daemon (Redis, Firestore, the gateway) can be reached now; an
 * exception counts as down, and the server gives each check a short timeout.
 */
@FunctionalInterface
public interface ReadinessCheck {

  Result check();

  /** A check under the name {@code /health/ready} reports it by. */
  static Named named(String name, ReadinessCheck check) {
    return new Named(name, check);
  }

  /** Up or down, with a short detail for the operator (no secrets). */
  record Result(boolean up, String detail) {
    public Result {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }

    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }

  /** A check and its dependency's name. */
  record Named(String name, ReadinessCheck check) {
    public Named {
      Objects.requireNonNull(name, "'name' must not be null");
      Objects.requireNonNull(check, "'check' must not be null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("'name' must not be blank");
      }
    }
  }
}
