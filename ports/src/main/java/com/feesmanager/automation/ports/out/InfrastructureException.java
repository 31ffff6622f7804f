package com.feesmanager.automation.ports.out;

/** An infrastructure failure behind a port (store, queue, gateway): worth retrying later. */
public abstract class InfrastructureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
