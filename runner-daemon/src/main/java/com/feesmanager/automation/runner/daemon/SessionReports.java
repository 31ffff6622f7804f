package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.out.GatewayEvent.SessionStatusChanged;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook status-find: browserClose, serverClose, disconnectedMobile … say the session cannot
 * send; the gateway check runs now (it restarts a crashed session), not at the next interval.
 */
final class SessionReports implements Consumer<SessionStatusChanged> {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Executor executor;
  private final Runnable gatewayCheck;
  private final BooleanSupplier stopping;

  SessionReports(Executor executor, Runnable gatewayCheck, BooleanSupplier stopping) {
    this.executor = executor;
    this.gatewayCheck = gatewayCheck;
    this.stopping = stopping;
  }

  @Override
  public void accept(SessionStatusChanged change) {
    LOG.info("session {} reported {}", change.session(), change.state());
    if (!change.state().canSend() && !stopping.getAsBoolean()) {
      try {
        executor.execute(gatewayCheck);
      } catch (RejectedExecutionException e) {
        // stopping: no more checks
      }
    }
  }
}
