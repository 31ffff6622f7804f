package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Session bindings at {@code automationSessions/{session}} = {@code {uid, boundAt}} (SPEC §6),
 * written by the backend only: the first bind creates the document in a transaction, so of accounts
 * racing for a free session exactly one wins.
 *
 * <p>Each answer is kept for {@link #CACHE_AGE}, so a send does not cost a read; an operator's
 * rebind from another process is therefore seen within that age, and this process's own rebind at
 * once. While Firestore cannot be read, the last answer (of any age) stands: a binding changes only
 * by the operator's hand, so it is safer than holding every message of the session.
 */
public final class FirestoreSessionBindings implements SessionBindings {

  /** How long an answer serves sends before it is read again. */
  static final Duration CACHE_AGE = Duration.ofSeconds(30);

  private final Firestore firestore;
  private final Calls calls;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** Sessions {@link #warm} found bound to no account, with when: their first send creates one. */
  private final ConcurrentMap<String, Instant> foundFree = new ConcurrentHashMap<>();

  FirestoreSessionBindings(Firestore firestore, Calls calls) {
    this.firestore = firestore;
    this.calls = calls;
  }

  @Override
  public Binding bind(String session, String uid, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Cached cached = cache.get(session);
    Bound holder;
    if (cached != null && now.isBefore(cached.readAt().plus(CACHE_AGE))) {
      holder = cached.bound();
    } else {
      holder = bindOrRead(session, uid, now, cached);
    }
    return holder.uid().equals(uid)
        ? new Binding.Mine()
        : new Binding.Taken(holder.uid(), holder.boundAt());
  }

  /**
   * The stored binding, created for {@code uid} when there is none. A plain read first: a binding
   * that exists changes only by the operator's rebind, so the transaction (three round trips on
   * Firestore) is needed only to create one, where of accounts racing for a free session exactly
   * one must win.
   */
  private Bound bindOrRead(String session, String uid, Instant now, Cached stale) {
    DocumentReference ref = document(session);
    Map<String, Object> stored;
    // warmed and found free moments ago: straight to the transaction, which reads it again anyway
    Instant free = foundFree.remove(session);
    boolean knownFree = free != null && now.isBefore(free.plus(CACHE_AGE));
    try {
      DocumentSnapshot current = knownFree ? null : calls.read(ref.getPath(), ref::get);
      stored =
          current != null && current.exists()
              ? current.getData()
              : calls.read(
                  ref.getPath(),
                  () ->
                      firestore.runTransaction(
                          transaction -> {
                            DocumentSnapshot again = transaction.get(ref).get();
                            if (again.exists()) {
                              return again.getData();
                            }
                            transaction.create(ref, fields(uid, now));
                            return fields(uid, now);
                          }));
    } catch (StoreUnavailable e) {
      if (stale == null) {
        throw e;
      }
      return stale.bound();
    }
    Bound holder = bound(ref, stored);
    cache.put(session, new Cached(holder, now));
    return holder;
  }

  /**
   * Reads the stored binding into the cache (the minute's preparation, a few seconds before the
   * sends), so the minute's first send needs no read. A session bound to no account stays unbound:
   * its first send binds it. A read that fails leaves the cache as it was (the send reads again).
   */
  @Override
  public void warm(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    DocumentReference ref = document(session);
    try {
      DocumentSnapshot stored = calls.read(ref.getPath(), ref::get);
      if (stored.exists()) {
        cache.put(session, new Cached(bound(ref, stored.getData()), now));
        foundFree.remove(session);
      } else {
        foundFree.put(session, now);
      }
    } catch (StoreUnavailable e) {
      // unreadable or not a binding: the send reads it again and reports what it finds
    }
  }

  @Override
  public void rebind(String session, String uid, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    DocumentReference ref = document(session);
    Map<String, Object> written =
        calls.read(
            ref.getPath(),
            () ->
                firestore.runTransaction(
                    transaction -> {
                      DocumentSnapshot stored = transaction.get(ref).get();
                      // the same account keeps its instant; anything else is written whole
                      if (stored.exists()
                          && uid.equals(stored.get("uid"))
                          && stored.get("boundAt") instanceof Timestamp) {
                        return stored.getData();
                      }
                      transaction.set(ref, fields(uid, now));
                      return fields(uid, now);
                    }));
    Bound holder = bound(ref, written);
    cache.put(session, new Cached(holder, now));
  }

  @Override
  public Optional<Bound> boundTo(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    DocumentReference ref = document(session);
    DocumentSnapshot stored = calls.read(ref.getPath(), ref::get);
    return stored.exists() ? Optional.of(bound(ref, stored.getData())) : Optional.empty();
  }

  private DocumentReference document(String session) {
    return firestore.collection("automationSessions").document(session);
  }

  private static Map<String, Object> fields(String uid, Instant now) {
    return Map.of("uid", uid, "boundAt", FirestoreValues.toTimestamp(now));
  }

  /** A stored binding; one the backend did not write whole is reported, not guessed at. */
  private static Bound bound(DocumentReference ref, Map<String, Object> stored) {
    Object uid = stored == null ? null : stored.get("uid");
    Object boundAt = stored == null ? null : stored.get("boundAt");
    if (!(uid instanceof String text) || text.isBlank() || !(boundAt instanceof Timestamp at)) {
      throw new StoreUnavailable(
          ref.getPath()
              + " is not a binding {uid: string, boundAt: timestamp}; fix it with session rebind");
    }
    return new Bound(text, FirestoreValues.toInstant(at));
  }

  private record Cached(Bound bound, Instant readAt) {}
}
