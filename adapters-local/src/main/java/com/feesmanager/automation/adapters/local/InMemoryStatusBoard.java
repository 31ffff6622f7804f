package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.StatusBoard;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-process status board: the last heartbeat published for each account. */
public final class InMemoryStatusBoard implements StatusBoard {

  private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();

  @Override
  public void publish(String uid, Heartbeat heartbeat) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(heartbeat, "'heartbeat' must not be null");
    heartbeats.put(uid, heartbeat);
  }

  @Override
  public Optional<Heartbeat> last(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return Optional.ofNullable(heartbeats.get(uid));
  }
}
