package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.cloud.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Session bindings at {@code automationSessions/{session}} = {@code {uid, boundAt}} (SPEC §6),
 * written by the backend only: the first bind creates the document on condition that there is none,
 * so of accounts racing for a free session exactly one wins.
 *
 * <p>Each answer is kept for {@link #CACHE_AGE}, so a send does not cost a read; an operator's
 * rebind from another process is therefore seen within that age, and this process's own rebind at
 * once. While Firestore cannot be read, the last answer (of any age) stands: a binding changes only
 * by the operator's hand, so it is safer than holding every message of the session.
 */
public final class FirestoreSessionBindings implements SessionBindings {

  /** How long an answer serves sends before it is read again. */
  static final Duration CACHE_AGE = Duration.ofSeconds(30);

  /** Conditional writes tried before a race that keeps failing them is reported. */
  private static final int CONFLICT_ATTEMPTS = 5;

  private final RestFirestore firestore;
  private final Calls calls;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** Sessions {@link #warm} found bound to no account, with when: their first send creates one. */
  private final ConcurrentMap<String, Instant> foundFree = new ConcurrentHashMap<>();

  FirestoreSessionBindings(RestFirestore firestore, Calls calls) {
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
   * that exists changes only by the operator's rebind, so the conditional create is needed only
   * when there is none, where of accounts racing for a free session exactly one wins.
   */
  private Bound bindOrRead(String session, String uid, Instant now, Cached stale) {
    String path = path(session);
    Map<String, Object> stored;
    // warmed and found free moments ago: straight to the create, which fails if one exists anyway
    Instant free = foundFree.remove(session);
    boolean knownFree = free != null && now.isBefore(free.plus(CACHE_AGE));
    try {
      Optional<RestFirestore.Document> current =
          knownFree ? Optional.empty() : calls.read(path, () -> firestore.get(path));
      stored = current.isPresent() ? current.get().data() : create(path, uid, now);
    } catch (StoreUnavailable e) {
      if (stale == null) {
        throw e;
      }
      return stale.bound();
    }
    Bound holder = bound(path, stored);
    cache.put(session, new Cached(holder, now));
    return holder;
  }

  /**
   * Creates the binding on condition that there is none (of two processes racing, one create fails
   * its precondition); the fields written, or those of the binding found instead.
   */
  private Map<String, Object> create(String path, String uid, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        calls.read(
            path,
            () -> firestore.commit(List.of(RestFirestore.Write.create(path, fields(uid, now)))));
        return fields(uid, now);
      } catch (StoreUnavailable e) {
        if (!Failures.isConflict(e) || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
      }
      // another process created it first (or an earlier attempt of this one did): read it
      Optional<RestFirestore.Document> found = calls.read(path, () -> firestore.get(path));
      if (found.isPresent()) {
        return found.get().data();
      }
    }
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
    String path = path(session);
    try {
      Optional<RestFirestore.Document> stored = calls.read(path, () -> firestore.get(path));
      if (stored.isPresent()) {
        cache.put(session, new Cached(bound(path, stored.get().data()), now));
        foundFree.remove(session);
      } else {
        foundFree.put(session, now);
      }
    } catch (StoreUnavailable e) {
      // unreadable or not a binding: the send reads it again and reports what it finds
    }
  }

  /**
   * Writes the binding whole unless it already names {@code uid} (which keeps its instant); the
   * write is conditional on the document read (its update time, or its absence), so a binding
   * changed in between is read again rather than overwritten blind.
   */
  @Override
  public void rebind(String session, String uid, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String path = path(session);
    Map<String, Object> written = null;
    for (int attempt = 1; written == null; attempt++) {
      Optional<RestFirestore.Document> stored = calls.read(path, () -> firestore.get(path));
      if (stored.isPresent()
          && uid.equals(stored.get().data().get("uid"))
          && stored.get().data().get("boundAt") instanceof Timestamp) {
        written = stored.get().data();
        break;
      }
      RestFirestore.Write write =
          stored.isPresent()
              ? RestFirestore.Write.replace(path, fields(uid, now), stored.get().updateTime())
              : RestFirestore.Write.create(path, fields(uid, now));
      try {
        calls.read(path, () -> firestore.commit(List.of(write)));
        written = fields(uid, now);
      } catch (StoreUnavailable e) {
        if (!Failures.isConflict(e) || attempt >= CONFLICT_ATTEMPTS) {
          throw e;
        }
      }
    }
    Bound holder = bound(path, written);
    cache.put(session, new Cached(holder, now));
  }

  @Override
  public Optional<Bound> boundTo(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    String path = path(session);
    return calls.read(path, () -> firestore.get(path)).map(stored -> bound(path, stored.data()));
  }

  private static String path(String session) {
    return "automationSessions/" + session;
  }

  private static Map<String, Object> fields(String uid, Instant now) {
    return Map.of("uid", uid, "boundAt", FirestoreValues.toTimestamp(now));
  }

  /** A stored binding; one the backend did not write whole is reported, not guessed at. */
  private static Bound bound(String path, Map<String, Object> stored) {
    Object uid = stored == null ? null : stored.get("uid");
    Object boundAt = stored == null ? null : stored.get("boundAt");
    if (!(uid instanceof String text) || text.isBlank() || !(boundAt instanceof Timestamp at)) {
      throw new StoreUnavailable(
          path + " is not a binding {uid: string, boundAt: timestamp}; fix it with session rebind");
    }
    return new Bound(text, FirestoreValues.toInstant(at));
  }

  private record Cached(Bound bound, Instant readAt) {}
}
