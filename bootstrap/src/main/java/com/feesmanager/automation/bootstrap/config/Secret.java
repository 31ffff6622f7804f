package com.feesmanager.automation.bootstrap.config;

import java.util.Objects;

/**
 * A value that must never be printed (a key, a token, a password): {@code toString} hides it, so a
 * record holding one can be logged whole; only {@link #reveal()} gives it to the client that needs
 * it.
 */
public final class Secret {

  private static final String HIDDEN = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank secret value. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "'value' must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    return new Secret(value);
  }

  /** The secret itself, for the one client that sends it; never log the result. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return HIDDEN;
  }
}
