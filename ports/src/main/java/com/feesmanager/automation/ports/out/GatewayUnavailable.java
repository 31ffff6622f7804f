package com.feesmanager.automation.ports.out;

/** The WhatsApp gateway could not be reached or answered unusably. */
public class GatewayUnavailable extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  public GatewayUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public GatewayUnavailable(String message) {
    super(message, null);
  }
}
