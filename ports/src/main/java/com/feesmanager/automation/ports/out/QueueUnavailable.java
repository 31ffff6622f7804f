package com.feesmanager.automation.ports.out;

/** The message queue or its ledgers (Redis) could not be reached. */
public class QueueUnavailable extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  public QueueUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public QueueUnavailable(String message) {
    super(message, null);
  }
}
