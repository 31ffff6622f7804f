package com.feesmanager.automation.adapters.wppconnect;

/**
 * A webhook body that is not a wppconnect-server event (not JSON, no event name, an ack without a
 * message id …): the receiving endpoint answers 400 and changes nothing (SPEC §6).
 */
public final class MalformedWebhookEvent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedWebhookEvent(String message) {
    super(message);
  }
}
