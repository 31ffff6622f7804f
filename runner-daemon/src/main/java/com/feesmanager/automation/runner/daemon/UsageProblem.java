package com.feesmanager.automation.runner.daemon;

/** Bad input from the operator (a file that cannot be read, a bad value): exit code 2. */
final class UsageProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageProblem(String message) {
    super(message);
  }

  UsageProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
