package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Alerts kept in memory, in the order raised, for the embedded default to show at the end of a run
 * and for tests to inspect; nothing leaves the process and nothing is de-duplicated.
 */
public final class RecordingAlerts implements Alerts {

  private final List<Alert> raised = new CopyOnWriteArrayList<>();

  @Override
  public void raise(Alert alert) {
    raised.add(Objects.requireNonNull(alert, "'alert' must not be null"));
  }

  /** Every alert raised so far, oldest first. */
  public List<Alert> alerts() {
    return List.copyOf(raised);
  }
}
