package com.feesmanager.automation.ports.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets one alert per event kind and account through per window, across every process that shares
 * the store (SPEC §8: a cron {@code tick} every minute does not repeat an alert every minute).
 */
public interface AlertGate {

  /**
   * True when no alert of {@code event} for {@code account} (empty for process-wide events) passed
   * in the {@code window} before {@code now}, and records this pass at {@code now}; false,
   * recording nothing, otherwise. Atomic: of racing callers, one passes. A pass recorded at a later
   * instant than {@code now} (another process's clock ahead) holds this one back too.
   *
   * @throws InfrastructureException when the store cannot answer (the caller decides alone)
   */
  boolean tryPass(String event, String account, Duration window, Instant now);
}
