package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.domain.rule.Occurrence;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key names. Every key of one session (or one account, for occurrence claims) carries the same hash
 * tag {@code {session}}, so a script touching them runs on one Redis Cluster slot.
 */
final class Keys {

  private final String prefix;

  /** Per-session key arrays, built once: sessions are few (one per account), calls are many. */
  private final Map<String, String[]> queueKeys = new ConcurrentHashMap<>();

  private final Map<String, String[]> accountKeys = new ConcurrentHashMap<>();

  Keys(String prefix) {
    this.prefix = prefix;
  }

  /**
   * ready, delayed, inflight, st, done, dead: the order every queue script expects. The array is
   * shared: callers must not change it.
   */
  String[] queue(String session) {
    return queueKeys.computeIfAbsent(session, this::newQueueKeys);
  }

  private String[] newQueueKeys(String session) {
    String base = tagged(session) + ":q:";
    return new String[] {
      base + "ready", base + "delayed", base + "inflight", base + "st", base + "done", base + "dead"
    };
  }

  /**
   * The queue keys then the set of accounts with messages in the session: the order of the scripts
   * that keep or read it (enqueue, counts by account). The array is shared: callers must not change
   * it.
   */
  String[] queueWithAccounts(String session) {
    return accountKeys.computeIfAbsent(
        session,
        s -> {
          String[] queue = queue(s);
          String[] withAccounts = Arrays.copyOf(queue, queue.length + 1);
          withAccounts[queue.length] = tagged(s) + ":q:accounts";
          return withAccounts;
        });
  }

  /** The three keys that exist exactly while a session has ready, delayed or in-flight work. */
  String[] pendingOf(String session) {
    String[] all = queue(session);
    return new String[] {all[0], all[1], all[2]};
  }

  /** The set of every session ever enqueued to (one per account: small and bounded). */
  String sessions() {
    return prefix + "{sessions}";
  }

  String[] rateLimit(String session) {
    String base = tagged(session) + ":rl:";
    return new String[] {base + "sends", base + "state"};
  }

  String lease(String session) {
    return tagged(session) + ":lease";
  }

  String occurrence(String uid, Occurrence occurrence) {
    return tagged(uid) + ":occ:" + occurrence.ruleId() + ":" + occurrence.localName();
  }

  /** The last alert of one event for one account (empty: process-wide events). */
  String alert(String account, String event) {
    return tagged(account) + ":alert:" + event;
  }

  /** One account's counts for one local day. */
  String tally(String uid, java.time.LocalDate day) {
    return tagged(uid) + ":tally:" + day;
  }

  /** The operator's hold of one account: the instant it began, in epoch milliseconds. */
  String hold(String uid) {
    return tagged(uid) + ":hold";
  }

  private String tagged(String name) {
    return prefix + "{" + tag(name) + "}";
  }

  /**
   * The hash tag for a name: braces are escaped so the tag ends where we say, and an empty name
   * becomes {@code %} (an empty tag would hash each whole key to a different slot).
   */
  static String tag(String name) {
    if (name.isEmpty()) {
      return "%";
    }
    if (name.indexOf('{') < 0 && name.indexOf('}') < 0 && name.indexOf('%') < 0) {
      return name;
    }
    return name.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
  }
}
