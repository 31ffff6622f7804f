package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.Alerts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * At most one alert per event kind and account per window (SPEC §8: 15 minutes), in front of the
 * real alert channel: across processes through the shared {@link AlertGate}, and within this
 * process by its own record of what it sent. When the gate cannot answer (Redis down), the alert
 * still goes out under this process's window alone: an alert about the outage must not be lost.
 */
public final class DeduplicatingAlerts implements Alerts {

  /** SPEC §8's window. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** A gate that lets everything through: de-duplication within this process only. */
  private static final AlertGate NO_SHARED_GATE = (event, account, window, now) -> true;

  private final Alerts target;
  private final AlertGate gate;
  private final Duration window;
  private final Map<String, Instant> lastSent = new HashMap<>();

  /** De-duplicated within this process only (no store shared with other processes). */
  public DeduplicatingAlerts(Alerts target, Duration window) {
    this(target, NO_SHARED_GATE, window);
  }

  public DeduplicatingAlerts(Alerts target, AlertGate gate, Duration window) {
    this.target = Objects.requireNonNull(target, "'target' must not be null");
    this.gate = Objects.requireNonNull(gate, "'gate' must not be null");
    this.window = Objects.requireNonNull(window, "'window' must not be null");
  }

  @Override
  public void raise(Alert alert) {
    String kind = alert.event() + "\u0000" + alert.account();
    synchronized (lastSent) {
      Instant last = lastSent.get(kind);
      if (last != null && alert.at().isBefore(last.plus(window))) {
        return;
      }
      // Taken before asking the gate, so two threads of this process never both send it.
      lastSent.put(kind, alert.at());
    }
    if (!passesGate(alert)) {
      synchronized (lastSent) {
        // Another process sent it; its window, not ours, decides when it may go again.
        lastSent.remove(kind, alert.at());
      }
      return;
    }
    target.raise(alert);
  }

  private boolean passesGate(Alert alert) {
    try {
      return gate.tryPass(alert.event(), alert.account(), window, alert.at());
    } catch (RuntimeException storeDown) {
      // The shared window is unknown: this process's own window (already taken) decides.
      return true;
    }
  }
}
