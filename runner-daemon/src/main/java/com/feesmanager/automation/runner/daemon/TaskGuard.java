package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.out.InfrastructureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what an exception in a daemon task does: it is logged and the task's
 * thread goes on (SPEC §2 isolation), so a failing step never stops the next minute or check.
 */
final class TaskGuard {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private TaskGuard() {}

  /** A step of the minute: a store outage is a warning line, anything else an error with trace. */
  static void guarded(String step, Runnable work) {
    try {
      work.run();
    } catch (InfrastructureException e) {
      LOG.warn("{} failed: {}", step, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed", step, e);
    }
  }

  /** A probe (gateway check, store watch): its failure is expected in an outage, one warning. */
  static void probed(String probe, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", probe, e.getMessage());
    }
  }
}
