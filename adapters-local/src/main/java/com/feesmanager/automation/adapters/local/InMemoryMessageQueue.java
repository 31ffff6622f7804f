package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The in-process delivery queue (SPEC §4): FIFO by enqueue time per session, claims with a
 * visibility timeout, delayed release, dead letters, and dedupe of finished keys for the retention.
 * One lock guards everything; the embedded default's volumes make that the simplest correct choice.
 */
public final class InMemoryMessageQueue implements MessageQueue, QueueMonitor {

  private static final Comparator<Entry> FIFO =
      Comparator.comparing((Entry entry) -> entry.message.enqueuedAt())
          .thenComparingLong(entry -> entry.sequence);

  private final Duration visibilityTimeout;
  private final Duration dedupeRetention;

  private final Map<MessageKey, Entry> pending = new HashMap<>();
  private final Map<String, NavigableSet<Entry>> bySession = new HashMap<>();
  private final Map<MessageKey, DeadLetter> dead = new LinkedHashMap<>();

  /** Finished keys and the instant each may be enqueued again. */
  private final Map<MessageKey, Instant> finished = new HashMap<>();

  private long sequence;
  private long tokens;
  private int purgeAt = 1024;

  public InMemoryMessageQueue(Duration visibilityTimeout, Duration dedupeRetention) {
    this.visibilityTimeout =
        Objects.requireNonNull(visibilityTimeout, "'visibilityTimeout' must not be null");
    this.dedupeRetention =
        Objects.requireNonNull(dedupeRetention, "'dedupeRetention' must not be null");
    if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
      throw new IllegalArgumentException("'visibilityTimeout' must be positive");
    }
    if (dedupeRetention.isNegative()) {
      throw new IllegalArgumentException("'dedupeRetention' must not be negative");
    }
  }

  @Override
  public synchronized boolean enqueue(QueuedMessage message, Instant now) {
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    MessageKey key = message.key();
    Instant forgetAt = finished.get(key);
    if (forgetAt != null && !forgetAt.isAfter(now)) {
      finished.remove(key);
      forgetAt = null;
    }
    if (forgetAt != null || pending.containsKey(key) || dead.containsKey(key)) {
      return false;
    }
    add(new Entry(message, sequence++, now, 0));
    return true;
  }

  @Override
  public synchronized Optional<Claim> claimNext(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    for (Entry entry : bySession.getOrDefault(session, Collections.emptyNavigableSet())) {
      if (entry.isClaimable(now)) {
        entry.token = "claim-" + ++tokens;
        entry.visibleUntil = now.plus(visibilityTimeout);
        return Optional.of(entry.claim());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized int returnAbandoned(String session, Instant now, Instant askAt) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(askAt, "'askAt' must not be null");
    int returned = 0;
    for (Entry entry : bySession.getOrDefault(session, Collections.emptyNavigableSet())) {
      // a started send is asked for once surely over; any other claim may be taken again now
      Instant due = entry.sendStarted ? askAt : now;
      if (entry.token != null && entry.visibleUntil.isAfter(due)) {
        entry.visibleUntil = due;
        returned++;
      }
    }
    return returned;
  }

  @Override
  public synchronized boolean returnAt(Claim claim, Instant askAt) {
    Objects.requireNonNull(askAt, "'askAt' must not be null");
    Entry entry = held(claim);
    if (entry == null) {
      return false;
    }
    if (entry.visibleUntil.isAfter(askAt)) {
      entry.visibleUntil = askAt;
    }
    return true;
  }

  @Override
  public synchronized boolean markSending(Claim claim, Instant now) {
    Entry entry = held(claim);
    if (entry == null) {
      return false;
    }
    entry.sendStarted = true;
    return true;
  }

  @Override
  public synchronized boolean complete(Claim claim, Instant now) {
    Objects.requireNonNull(now, "'now' must not be null");
    Entry entry = held(claim);
    if (entry == null) {
      return false;
    }
    remove(entry);
    finished.put(entry.message.key(), now.plus(dedupeRetention));
    if (finished.size() >= purgeAt) {
      forgetFinishedBefore(now);
      // amortised: the next purge waits until the set has doubled again
      purgeAt = Math.max(1024, finished.size() * 2);
    }
    return true;
  }

  @Override
  public synchronized boolean release(Claim claim, Instant readyAt, boolean attemptConsumed) {
    Objects.requireNonNull(readyAt, "'readyAt' must not be null");
    Entry entry = held(claim);
    if (entry == null) {
      return false;
    }
    entry.token = null;
    entry.visibleUntil = null;
    entry.readyAt = readyAt;
    // the outcome of this holder's send is known now, whatever it was
    entry.sendStarted = false;
    if (attemptConsumed) {
      entry.attemptsMade++;
    }
    return true;
  }

  @Override
  public synchronized boolean deadLetter(Claim claim, String reason, Instant now) {
    Objects.requireNonNull(reason, "'reason' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Entry entry = held(claim);
    if (entry == null) {
      return false;
    }
    remove(entry);
    // the caller dead-letters after the attempt of this claim failed, so that one counts too
    dead.put(
        entry.message.key(), new DeadLetter(entry.message, entry.attemptsMade + 1, reason, now));
    return true;
  }

  @Override
  public synchronized QueueCounts counts(String session, Instant now) {
    return countsOf(session, now, message -> true);
  }

  @Override
  public synchronized Map<String, QueueCounts> countsByAccount(String session, Instant now) {
    Set<String> uids = new HashSet<>();
    bySession
        .getOrDefault(session, Collections.emptyNavigableSet())
        .forEach(e -> uids.add(e.message.uid()));
    dead.values().stream()
        .filter(letter -> letter.message().session().equals(session))
        .forEach(letter -> uids.add(letter.message().uid()));
    Map<String, QueueCounts> byAccount = new HashMap<>();
    for (String uid : uids) {
      byAccount.put(uid, countsOf(session, now, message -> message.uid().equals(uid)));
    }
    return Map.copyOf(byAccount);
  }

  private QueueCounts countsOf(String session, Instant now, Predicate<QueuedMessage> which) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    long ready = 0;
    long delayed = 0;
    long inFlight = 0;
    for (Entry entry : bySession.getOrDefault(session, Collections.emptyNavigableSet())) {
      if (!which.test(entry.message)) {
        continue;
      }
      if (entry.isHeld(now)) {
        inFlight++;
      } else if (entry.readyAt.isAfter(now)) {
        delayed++;
      } else {
        ready++;
      }
    }
    long deadCount =
        dead.values().stream()
            .filter(letter -> letter.message().session().equals(session))
            .filter(letter -> which.test(letter.message()))
            .count();
    return new QueueCounts(ready, delayed, inFlight, deadCount);
  }

  @Override
  public synchronized Optional<Instant> nextDue(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Optional<Instant> earliest = Optional.empty();
    for (Entry entry : bySession.getOrDefault(session, Collections.emptyNavigableSet())) {
      Instant due = entry.isHeld(now) ? entry.visibleUntil : entry.readyAt;
      if (!due.isAfter(now)) {
        return Optional.of(now);
      }
      if (earliest.isEmpty() || due.isBefore(earliest.get())) {
        earliest = Optional.of(due);
      }
    }
    return earliest;
  }

  @Override
  public synchronized Set<String> sessions() {
    return Set.copyOf(bySession.keySet());
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("'limit' must not be negative: " + limit);
    }
    return dead.values().stream()
        .sorted(Comparator.comparing(DeadLetter::diedAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int requeueDead(Set<MessageKey> keys, Instant now) {
    Objects.requireNonNull(keys, "'keys' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<DeadLetter> chosen = new ArrayList<>();
    for (DeadLetter letter : dead.values()) {
      if (keys.isEmpty() || keys.contains(letter.message().key())) {
        chosen.add(letter);
      }
    }
    for (DeadLetter letter : chosen) {
      dead.remove(letter.message().key());
      add(new Entry(letter.message(), sequence++, now, 0));
    }
    return chosen.size();
  }

  @Override
  public synchronized int dropDead(Set<MessageKey> keys, Instant now) {
    Objects.requireNonNull(keys, "'keys' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<MessageKey> chosen =
        dead.keySet().stream().filter(key -> keys.isEmpty() || keys.contains(key)).toList();
    for (MessageKey key : chosen) {
      dead.remove(key);
      finished.put(key, now.plus(dedupeRetention));
    }
    return chosen.size();
  }

  private void add(Entry entry) {
    pending.put(entry.message.key(), entry);
    bySession.computeIfAbsent(entry.message.session(), session -> new TreeSet<>(FIFO)).add(entry);
  }

  private void remove(Entry entry) {
    pending.remove(entry.message.key());
    NavigableSet<Entry> entries = bySession.get(entry.message.session());
    entries.remove(entry);
    if (entries.isEmpty()) {
      bySession.remove(entry.message.session());
    }
  }

  /** The entry this claim still holds, or null when the claim was lost or finished. */
  private Entry held(Claim claim) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Entry entry = pending.get(claim.message().key());
    return entry != null && claim.token().equals(entry.token) ? entry : null;
  }

  private void forgetFinishedBefore(Instant now) {
    Iterator<Instant> forgetAt = finished.values().iterator();
    while (forgetAt.hasNext()) {
      if (!forgetAt.next().isAfter(now)) {
        forgetAt.remove();
      }
    }
  }

  /** A pending message: ready from {@code readyAt}, in flight while a token is live. */
  private static final class Entry {
    final QueuedMessage message;
    final long sequence;
    Instant readyAt;
    int attemptsMade;
    boolean sendStarted;
    String token;
    Instant visibleUntil;

    Entry(QueuedMessage message, long sequence, Instant readyAt, int attemptsMade) {
      this.message = message;
      this.sequence = sequence;
      this.readyAt = readyAt;
      this.attemptsMade = attemptsMade;
    }

    boolean isHeld(Instant now) {
      return token != null && visibleUntil.isAfter(now);
    }

    boolean isClaimable(Instant now) {
      return !isHeld(now) && !readyAt.isAfter(now);
    }

    Claim claim() {
      return new Claim(message, attemptsMade, sendStarted, token, visibleUntil);
    }
  }
}
