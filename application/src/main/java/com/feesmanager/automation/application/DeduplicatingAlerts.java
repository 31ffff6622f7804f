package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * At most one alert per event kind and account per window (SPEC §8: 15 minutes), in front of the
 * real alert channel. Per process: several instances may each send one.
 */
public final class DeduplicatingAlerts implements Alerts {

  /** SPEC §8's window. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final Alerts target;
  private final Duration window;
  private final Map<String, Instant> lastSent = new HashMap<>();

  public DeduplicatingAlerts(Alerts target, Duration window) {
    this.target = Objects.requireNonNull(target, "'target' must not be null");
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
      lastSent.put(kind, alert.at());
    }
    target.raise(alert);
  }
}
