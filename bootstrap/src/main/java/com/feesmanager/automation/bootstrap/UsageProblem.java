package com.feesmanager.automation.bootstrap;

/** Bad input from the operator (a file that cannot be read, a bad value): exit code 2. */
public final class UsageProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageProblem(String message) {
    super(message);
  }

  public UsageProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
