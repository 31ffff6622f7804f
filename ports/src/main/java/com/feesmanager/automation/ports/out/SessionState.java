package com.feesmanager.automation.ports.out;

/** The state of a WhatsApp session as the gateway reports it; only CONNECTED can send. */
public enum SessionState {
  CONNECTED,
  /** Starting or syncing (wppconnect INITIALIZING). */
  STARTING,
  /** Needs a human to scan a QR code (or enter a phone code). */
  NEEDS_SCAN,
  CLOSED,
  /** The gateway could not be reached or its answer understood. */
  UNREACHABLE;

  public boolean canSend() {
    return this == CONNECTED;
  }
}
