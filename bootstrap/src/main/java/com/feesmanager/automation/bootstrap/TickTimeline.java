package com.feesmanager.automation.bootstrap;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a cold tick's time goes (issue 16): at {@code LOG_LEVEL=debug}, one line per phase with the
 * JVM's uptime when it ended, so a whole-process figure can be split without a profiler.
 */
final class TickTimeline {

  private static final Logger LOG = LoggerFactory.getLogger(TickTimeline.class);

  private TickTimeline() {}

  static void mark(String phase) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "tick phase done: {} at {} ms of JVM uptime",
          phase,
          ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }
}
