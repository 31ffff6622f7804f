package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.SessionBindings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-process session bindings (SPEC §6). An instance holds its own bindings; instances made with
 * {@link #sharing} share one store, as processes share Firestore.
 */
public final class InMemorySessionBindings implements SessionBindings {

  private final ConcurrentMap<String, Bound> bound;

  public InMemorySessionBindings() {
    this(new ConcurrentHashMap<>());
  }

  private InMemorySessionBindings(ConcurrentMap<String, Bound> bound) {
    this.bound = bound;
  }

  /** Another adapter over this one's store. */
  public InMemorySessionBindings sharing() {
    return new InMemorySessionBindings(bound);
  }

  @Override
  public Binding bind(String session, String uid, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Bound holder = bound.computeIfAbsent(session, s -> new Bound(uid, now));
    return holder.uid().equals(uid)
        ? new Binding.Mine()
        : new Binding.Taken(holder.uid(), holder.boundAt());
  }

  @Override
  public void rebind(String session, String uid, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    bound.compute(
        session,
        (s, holder) -> holder != null && holder.uid().equals(uid) ? holder : new Bound(uid, now));
  }

  @Override
  public Optional<Bound> boundTo(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    return Optional.ofNullable(bound.get(session));
  }
}
