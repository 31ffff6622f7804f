package com.feesmanager.automation.adapters.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The debug line of every script call, the same on every client. */
final class ScriptTiming {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptTiming.class);

  private ScriptTiming() {}

  static void record(Script script, long startedNanos) {
    if (LOG.isDebugEnabled()) {
      // the lateness timeline (scripts/lateness-timeline.sh): which calls a send waits on
      LOG.debug(
          "redis script {} took {} ms", script, (System.nanoTime() - startedNanos) / 1_000_000);
    }
  }
}
