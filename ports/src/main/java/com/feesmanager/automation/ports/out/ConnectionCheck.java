package com.feesmanager.automation.ports.out;

/**
 * What the gateway says of a session's browser when asked beyond its reported state (wppconnect
 * {@code check-connection-session}, and whether its sends keep being refused as "not active").
 */
public enum ConnectionCheck {
  /** The browser answers: the session can send. */
  ALIVE,
  /** The session reports CONNECTED but cannot send: it must be closed and started again. */
  DEAD,
  /** The gateway could not tell (unreachable, refused, not understood): change nothing. */
  CANNOT_TELL
}
