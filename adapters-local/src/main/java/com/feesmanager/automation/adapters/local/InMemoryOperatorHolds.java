package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.OperatorHolds;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The operator holds of one process (the embedded default has no other process to share them). */
public final class InMemoryOperatorHolds implements OperatorHolds {

  private final ConcurrentMap<String, Instant> held;

  public InMemoryOperatorHolds() {
    this(new ConcurrentHashMap<>());
  }

  private InMemoryOperatorHolds(ConcurrentMap<String, Instant> held) {
    this.held = held;
  }

  /** Another handle on the same holds, as a second process on one store would see them. */
  public InMemoryOperatorHolds sharing() {
    return new InMemoryOperatorHolds(held);
  }

  @Override
  public void hold(String uid, Instant since) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(since, "'since' must not be null");
    held.putIfAbsent(uid, since);
  }

  @Override
  public void release(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    held.remove(uid);
  }

  @Override
  public Optional<Instant> heldSince(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return Optional.ofNullable(held.get(uid));
  }
}
