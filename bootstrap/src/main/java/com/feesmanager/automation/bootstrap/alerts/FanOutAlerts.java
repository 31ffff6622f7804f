package com.feesmanager.automation.bootstrap.alerts;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alert to every destination (webhooks, e-mail): one that fails does not stop the others. It
 * sits under the shared de-duplication, which therefore lets each alert through once for all.
 */
public final class FanOutAlerts implements Alerts {

  private static final Logger LOG = LoggerFactory.getLogger(FanOutAlerts.class);

  private final List<Alerts> destinations;

  public FanOutAlerts(List<? extends Alerts> destinations) {
    this.destinations = List.copyOf(destinations);
    if (this.destinations.isEmpty()) {
      throw new IllegalArgumentException("'destinations' must name at least one");
    }
  }

  @Override
  public void raise(Alert alert) {
    Objects.requireNonNull(alert, "'alert' must not be null");
    for (Alerts destination : destinations) {
      try {
        destination.raise(alert);
      } catch (RuntimeException e) {
        // senders do not throw; if one does, the next destination still gets the alert
        LOG.warn(
            "alert {} for account '{}' not handed to {}: {}",
            alert.event(),
            alert.account(),
            destination.getClass().getSimpleName(),
            e.toString());
      }
    }
  }
}
