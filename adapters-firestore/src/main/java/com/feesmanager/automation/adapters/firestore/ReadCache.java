package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good copy of each account's data, by kind and account, with the time it was read. A read
 * that fails is answered from the copy while it is no older than {@code FIRESTORE_CACHE_MAX_AGE};
 * past that it is a {@link StoreUnavailable}, so the account's occurrences are skipped, reported,
 * and fired later inside the misfire grace.
 *
 * <p>Copies are kept for enabled accounts only: each scan of the enabled accounts ({@link
 * #retainAccounts}) drops the copies of accounts that are disabled or gone, and no copy of such an
 * account is kept until a scan finds it enabled again, so memory follows the accounts served, not
 * every account ever seen. Keys are {@code kind/uid} for an account's data, or a bare name.
 */
final class ReadCache {

  private static final Logger LOG = LoggerFactory.getLogger(ReadCache.class);

  /** A value and when it was read. */
  record Stamped<T>(T value, Instant at) {}

  private final Clock clock;
  private final Duration maxAge;
  private final Map<String, Stamped<?>> copies = new ConcurrentHashMap<>();

  /** Keys answered from their copy since their last fresh read (warned about once). */
  private final Set<String> servedFromCopy = ConcurrentHashMap.newKeySet();

  /** The accounts of the last scan; empty before the first (then every copy is kept). */
  private volatile Optional<Set<String>> enabled = Optional.empty();

  ReadCache(Clock clock, Duration maxAge) {
    this.clock = clock;
    this.maxAge = maxAge;
  }

  Instant now() {
    return clock.instant();
  }

  /** Reads through: a fresh value is kept; on failure the copy serves while young enough. */
  <T> T read(String key, String what, Supplier<T> fresh) {
    T value;
    try {
      value = fresh.get();
    } catch (StoreUnavailable e) {
      return this.<T>usable(key, maxAge)
          .map(
              copy -> {
                // once per copy and outage: a line per read would be two per message sent
                if (servedFromCopy.add(key)) {
                  LOG.warn(
                      "{}: Firestore unavailable, using the copy read at {} until it answers",
                      what,
                      copy.at());
                } else {
                  LOG.debug(
                      "{}: Firestore unavailable, using the copy read at {}", what, copy.at());
                }
                return copy.value();
              })
          .orElseThrow(() -> unavailable(key, what, e));
    }
    keep(key, value);
    return value;
  }

  <T> void keep(String key, T value) {
    servedFromCopy.remove(key);
    if (account(key).filter(uid -> !serves(uid)).isPresent()) {
      copies.remove(key);
      return;
    }
    copies.put(key, new Stamped<>(value, clock.instant()));
  }

  /**
   * The enabled accounts are now {@code uids}: the copies of every other account are dropped, and
   * none is kept for them until a scan lists them again.
   */
  void retainAccounts(Set<String> uids) {
    Set<String> served = Set.copyOf(uids);
    enabled = Optional.of(served);
    copies.keySet().removeIf(key -> account(key).filter(uid -> !served.contains(uid)).isPresent());
  }

  /** Whether a copy is kept under {@code key} (tests). */
  boolean holds(String key) {
    return copies.containsKey(key);
  }

  private boolean serves(String uid) {
    return enabled.map(uids -> uids.contains(uid)).orElse(true);
  }

  /** The account of a {@code kind/uid} key; empty for a bare name. */
  private static Optional<String> account(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(key.substring(slash + 1));
  }

  /** The copy under {@code key} if it is at most {@code age} old. */
  @SuppressWarnings("unchecked")
  <T> Optional<Stamped<T>> usable(String key, Duration age) {
    Stamped<T> copy = (Stamped<T>) copies.get(key);
    if (copy == null || copy.at().plus(age).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(copy);
  }

  /** The failure reported when no copy can serve. */
  StoreUnavailable unavailable(String key, String what, StoreUnavailable cause) {
    Stamped<?> copy = copies.get(key);
    String why =
        copy == null
            ? "no earlier copy"
            : "the last good copy (read "
                + copy.at()
                + ") is older than FIRESTORE_CACHE_MAX_AGE "
                + maxAge;
    return new StoreUnavailable(what + " unavailable (" + why + "): " + cause.getMessage(), cause);
  }

  Duration maxAge() {
    return maxAge;
  }
}
