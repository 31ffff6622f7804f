package com.feesmanager.automation.ports.out;

/** A data store (Firestore, account files) could not be read or written. */
public class StoreUnavailable extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailable(String message) {
    super(message, null);
  }
}
