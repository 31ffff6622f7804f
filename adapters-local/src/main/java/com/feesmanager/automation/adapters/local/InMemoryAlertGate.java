package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.AlertGate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The alert gate of one process (the embedded default has no other process to share it with). */
public final class InMemoryAlertGate implements AlertGate {

  private final Map<String, Instant> lastPass = new HashMap<>();

  @Override
  public synchronized boolean tryPass(String event, String account, Duration window, Instant now) {
    Objects.requireNonNull(event, "'event' must not be null");
    Objects.requireNonNull(account, "'account' must not be null");
    Objects.requireNonNull(window, "'window' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String kind = event + "\u0000" + account;
    Instant last = lastPass.get(kind);
    if (last != null && now.isBefore(last.plus(window))) {
      return false;
    }
    lastPass.put(kind, now);
    return true;
  }
}
