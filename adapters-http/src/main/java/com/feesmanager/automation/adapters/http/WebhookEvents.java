package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.out.GatewayEvent;

/** Reads a gateway's webhook body (the gateway adapter knows its format; this module does not). */
@FunctionalInterface
public interface WebhookEvents {

  /** The event in {@code body}; throws {@link Malformed} with a reason a client may read. */
  GatewayEvent parse(byte[] body) throws Malformed;

  /** A body that is no event of the gateway's. */
  final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    public Malformed(String message) {
      super(message);
    }
  }
}
