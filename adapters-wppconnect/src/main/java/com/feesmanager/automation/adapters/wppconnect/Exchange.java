package com.feesmanager.automation.adapters.wppconnect;

/** How one HTTP exchange with the server ended, before its reply is given any meaning. */
sealed interface Exchange {

  /** The server answered. */
  record Replied(int status, byte[] body) implements Exchange {}

  /** Nothing reached the server (refused, unresolvable, connect timeout, no free connection). */
  record NotWritten(String detail) implements Exchange {}

  /** The request may have reached the server but no reply came (timeout, reset, closed). */
  record Lost(String detail) implements Exchange {}

  /** Credentials refused even after one regeneration (or no way to regenerate). */
  record Refused(String detail) implements Exchange {}
}
