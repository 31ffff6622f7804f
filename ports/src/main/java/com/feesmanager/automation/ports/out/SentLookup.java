package com.feesmanager.automation.ports.out;

import java.util.Objects;

/**
 * What the gateway says when asked whether an ambiguous send went out (SPEC §6): the chat's latest
 * messages hold one from us with exactly that body, not older than the send.
 */
public sealed interface SentLookup {

  /** It went out: the message is SENT, with the provider's id. */
  record Found(String providerMessageId) implements SentLookup {
    public Found {
      Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
    }
  }

  /** The chat has no such message: surely not sent, an ordinary failed attempt. */
  record NotFound() implements SentLookup {}

  /**
   * The server cannot be asked now — not reachable, the session not connected, the credentials
   * refused — as a send would be held: the message stays pending and is asked for again later.
   */
  record NotNow(String detail) implements SentLookup {
    public NotNow {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }

  /**
   * The server was asked and could not answer (no reply in time, an error, a failed look-up): the
   * outcome stays unknown (FAILED UNKNOWN_OUTCOME).
   */
  record NoAnswer(String detail) implements SentLookup {
    public NoAnswer {
      Objects.requireNonNull(detail, "'detail' must not be null");
    }
  }
}
