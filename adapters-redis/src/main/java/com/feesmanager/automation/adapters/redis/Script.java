package com.feesmanager.automation.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Lua scripts, read from the classpath once, with the SHA-1 digest Redis names them by. A
 * script may start with fragments (Lua functions that several scripts share, so each step's logic
 * exists once), concatenated in front of its own file.
 */
enum Script {
  QUEUE_ENQUEUE("queue-enqueue.lua"),
  QUEUE_CLAIM("queue-claim.lua", Fragments.CLAIM),
  QUEUE_MARK_SENDING("queue-mark-sending.lua"),
  QUEUE_COMPLETE("queue-complete.lua", Fragments.COMPLETE),
  QUEUE_COMPLETE_CLAIM("queue-complete-claim.lua", Fragments.COMPLETE, Fragments.CLAIM),
  QUEUE_RELEASE("queue-release.lua"),
  QUEUE_RETURN_ABANDONED("queue-return-abandoned.lua"),
  QUEUE_RETURN_AT("queue-return-at.lua"),
  QUEUE_DEAD_LETTER("queue-dead-letter.lua"),
  QUEUE_REQUEUE_DEAD("queue-requeue-dead.lua"),
  QUEUE_DROP_DEAD("queue-drop-dead.lua"),
  QUEUE_COUNTS("queue-counts.lua"),
  QUEUE_COUNTS_BY_ACCOUNT("queue-counts-by-account.lua"),
  QUEUE_DEAD_LETTERS("queue-dead-letters.lua"),
  RATE_RESERVE("rate-reserve.lua"),
  RATE_REFUND("rate-refund.lua"),
  LEASE_ACQUIRE("lease-acquire.lua"),
  LEASE_RELEASE("lease-release.lua"),
  LEASE_LAST_HOLDER("lease-last-holder.lua"),
  LEASE_TAKE_OVER("lease-take-over.lua"),
  OCCURRENCE_CLAIM("occurrence-claim.lua"),
  OCCURRENCE_COMPLETE("occurrence-complete.lua"),
  TALLY_COUNT("tally-count.lua"),
  ALERT_GATE("alert-gate.lua");

  private final String body;
  private final String sha;

  Script(String resource, String... fragments) {
    StringBuilder text = new StringBuilder();
    for (String fragment : fragments) {
      text.append(read(fragment)).append('\n');
    }
    this.body = text.append(read(resource)).toString();
    this.sha = sha1(body);
  }

  /** The shared fragments (an enum constructor cannot read the enum's own static fields). */
  static final class Fragments {
    static final String CLAIM = "fragment-queue-claim.lua";
    static final String COMPLETE = "fragment-queue-complete.lua";

    private Fragments() {}
  }

  String body() {
    return body;
  }

  String sha() {
    return sha;
  }

  private static String read(String resource) {
    try (InputStream in = Script.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1 (MessageDigest's contract).
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
