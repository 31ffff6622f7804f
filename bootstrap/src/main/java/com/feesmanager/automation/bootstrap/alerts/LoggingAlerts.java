package com.feesmanager.automation.bootstrap.alerts;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts written to the log (WARNING at WARN, CRITICAL at ERROR) when no webhook is configured. */
public final class LoggingAlerts implements Alerts {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingAlerts.class);

  @Override
  public void raise(Alert alert) {
    String account = alert.account().isEmpty() ? "-" : alert.account();
    if (alert.level() == Alert.Level.CRITICAL) {
      LOG.error("alert {} account={} at={}: {}", alert.event(), account, alert.at(), alert.text());
    } else {
      LOG.warn("alert {} account={} at={}: {}", alert.event(), account, alert.at(), alert.text());
    }
  }
}
