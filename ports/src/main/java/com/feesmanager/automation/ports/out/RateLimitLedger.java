package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimits;
import java.time.Duration;
import java.time.Instant;

/**
 * The send history of each WhatsApp session, shared by every worker and instance (SPEC §5).
 * Reserving is atomic: of two racing callers only as many go as the limits allow.
 */
public interface RateLimitLedger {

  /**
   * Reserves a send slot at {@code now} against the hour window, the local-day cap and the minimum
   * gap; on {@code SendNow} the send is recorded and the next one may go no sooner than {@code now
   * + gap} (the caller's jittered gap).
   */
  RateDecision reserve(String session, RateLimits limits, Duration gap, Instant now);
}
