package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.RuleSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An account's {@code automationRules} and {@code templates}: both collections queried together,
 * served by the read cache while Firestore is away. Reads asked for ahead ({@link #readAhead}) are
 * started in the order asked, at most {@link #AHEAD} waiting to be taken, each serving the next
 * {@link #rules} call for its account.
 */
final class RestRuleSource implements RuleSource {

  /**
   * Reads ahead started and not yet taken: a few beyond the accounts the firing pool is reading for
   * already, so each account's rules are read while the accounts before it fire, and a scan of many
   * accounts does not send Firestore all their queries at once (on the emulator those slowed the
   * first accounts' own reads, and so the minute's first message).
   */
  static final int AHEAD = 2;

  /** A read ahead this old serves no call: the rules are read again. */
  static final Duration AHEAD_AGE = Duration.ofSeconds(30);

  private static final String RULES = "automationRules";

  private final RestFirestore firestore;
  private final Calls calls;
  private final ReadCache cache;

  private final Object lock = new Object();

  /** Accounts asked for ahead and not yet started, in order; guarded by {@code lock}. */
  private final Deque<String> waiting = new ArrayDeque<>();

  /** Reads ahead started and not yet taken; guarded by {@code lock}. */
  private final Map<String, Ahead> started = new HashMap<>();

  private record Ahead(CompletableFuture<List<List<RestFirestore.Document>>> read, Instant at) {}

  RestRuleSource(RestFirestore firestore, Calls calls, ReadCache cache) {
    this.firestore = firestore;
    this.calls = calls;
    this.cache = cache;
  }

  @Override
  public RuleBook rules(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Optional<CompletableFuture<List<List<RestFirestore.Document>>>> ahead = take(uid);
    return cache.read("rules/" + uid, "rules of account " + uid, () -> read(uid, ahead));
  }

  /** Forgets the reads asked for before (each minute check asks again) and starts these. */
  @Override
  public void readAhead(List<String> uids) {
    Objects.requireNonNull(uids, "'uids' must not be null");
    synchronized (lock) {
      waiting.clear();
      started.clear();
      waiting.addAll(new LinkedHashSet<>(uids));
      startWhileRoom();
    }
  }

  /** The read ahead for {@code uid}, if one was started recently enough; it serves this call. */
  private Optional<CompletableFuture<List<List<RestFirestore.Document>>>> take(String uid) {
    synchronized (lock) {
      waiting.remove(uid);
      Ahead ahead = started.remove(uid);
      startWhileRoom();
      return ahead == null || isOld(ahead) ? Optional.empty() : Optional.of(ahead.read());
    }
  }

  /** Starts reads while fewer than {@link #AHEAD} wait to be taken; under {@code lock}. */
  private void startWhileRoom() {
    started.values().removeIf(this::isOld);
    while (started.size() < AHEAD && !waiting.isEmpty()) {
      String uid = waiting.poll();
      started.put(uid, new Ahead(both(uid), cache.now()));
    }
  }

  /** The document of one rule. */
  static String path(String uid, String ruleId) {
    return RestAccountDirectory.path(uid) + "/" + RULES + "/" + ruleId;
  }

  /** The accounts whose reads ahead are started and not yet taken, each with its read (tests). */
  Map<String, CompletableFuture<?>> startedAhead() {
    synchronized (lock) {
      Map<String, CompletableFuture<?>> reads = new HashMap<>();
      started.forEach((uid, ahead) -> reads.put(uid, ahead.read()));
      return reads;
    }
  }

  private boolean isOld(Ahead ahead) {
    return ahead.at().plus(AHEAD_AGE).isBefore(cache.now());
  }

  private RuleBook read(
      String uid, Optional<CompletableFuture<List<List<RestFirestore.Document>>>> ahead) {
    // the read ahead answers the first attempt; a retry reads afresh
    AtomicReference<CompletableFuture<List<List<RestFirestore.Document>>>> first =
        new AtomicReference<>(ahead.orElse(null));
    List<List<RestFirestore.Document>> both =
        calls.read(
            RestAccountDirectory.path(uid) + "/" + RULES + " and templates",
            () -> {
              CompletableFuture<List<List<RestFirestore.Document>>> early = first.getAndSet(null);
              return early != null ? early : both(uid);
            });
    return StoredDocuments.ruleBook(
        uid,
        both.get(0).stream().map(RestAccountDirectory::stored).toList(),
        both.get(1).stream().map(RestAccountDirectory::stored).toList());
  }

  /**
   * Both queries sent at once: one round trip's wait, not two. A request that cannot even be made
   * is a failed read, so a read ahead never throws at the one who asked for it.
   */
  private CompletableFuture<List<List<RestFirestore.Document>>> both(String uid) {
    String account = RestAccountDirectory.path(uid);
    try {
      CompletableFuture<List<RestFirestore.Document>> rules =
          firestore.query(RestFirestore.Query.of(account, RULES));
      CompletableFuture<List<RestFirestore.Document>> templates =
          firestore.query(RestFirestore.Query.of(account, "templates"));
      return rules.thenCombine(templates, List::of);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
