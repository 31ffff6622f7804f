package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.SessionLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-process session leases: one owner per session until its lease runs out or is released. */
public final class InMemorySessionLeases implements SessionLeases {

  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized boolean acquire(String session, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(ttl, "'ttl' must not be null");
    Lease current = leases.get(session);
    if (current != null && !current.owner().equals(owner) && current.expiresAt().isAfter(now)) {
      return false;
    }
    leases.put(session, new Lease(owner, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized Optional<String> lastHolder(String session) {
    Objects.requireNonNull(session, "'session' must not be null");
    // a lease that ran out is remembered until it is taken or released, as Redis does for a minute
    return Optional.ofNullable(leases.get(session)).map(Lease::owner);
  }

  @Override
  public synchronized boolean takeOver(
      String session, String former, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(former, "'former' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    Objects.requireNonNull(ttl, "'ttl' must not be null");
    Lease current = leases.get(Objects.requireNonNull(session, "'session' must not be null"));
    if (current == null || !current.owner().equals(former)) {
      return false;
    }
    leases.put(session, new Lease(owner, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized void release(String session, String owner) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(owner, "'owner' must not be null");
    Lease current = leases.get(session);
    if (current != null && current.owner().equals(owner)) {
      leases.remove(session);
    }
  }

  private record Lease(String owner, Instant expiresAt) {}
}
