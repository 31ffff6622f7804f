package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.message.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/** Sends WhatsApp messages through one session of the account's gateway (SPEC §6). */
public interface WhatsAppGateway {

  /** One message to one recipient; never throws for an outcome the contract describes. */
  SendResult send(String session, PhoneNumber to, String text);

  /** The session's state; {@link SessionState#UNREACHABLE} when the server cannot tell. */
  SessionState sessionState(String session);

  /** Asks the server to (re)start the session; returns the state it reports. */
  SessionState startSession(String session);

  /**
   * Whether {@code number} is on WhatsApp, as {@code session} sees it; never throws for a reply.
   */
  NumberCheck checkNumber(String session, PhoneNumber number);

  /**
   * Whether a send of {@code text} to {@code to} whose outcome is unknown went out: the chat's
   * latest messages are searched for one from us with exactly that body, sent at or after {@code
   * notBefore} (less a few seconds of clock skew). Never throws for a reply.
   */
  SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore);

  /**
   * Whether the session's browser still works, beyond what {@link #sessionState} says: a crashed
   * browser can leave the state at CONNECTED while it cannot send (wppconnect.md).
   */
  ConnectionCheck checkConnection(String session);

  /** Closes the session so that {@link #startSession} creates it again; true when it closed. */
  boolean closeSession(String session);

  /**
   * The QR code (a {@code data:} URL) the session showed in the last answer of {@link
   * #sessionState} or {@link #startSession}, while it waits for a scan; empty once it no longer
   * does, or for a gateway that has none (no I/O: what was last seen).
   */
  default Optional<String> pairingQr(String session) {
    return Optional.empty();
  }
}
