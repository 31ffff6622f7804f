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

  /**
   * Gives back the slot reserved at {@code reservedAt} by {@link #reserve}: the send never reached
   * the gateway (session down, gateway unreachable, claim lost), so it uses no capacity (SPEC §5).
   * The send leaves the hour window and the day count; the minimum-gap mark goes back to what it
   * was before that reservation if no later reservation has moved it since. Atomic; giving back a
   * slot that is not there (never reserved, already given back, or older than the history kept)
   * changes nothing.
   */
  void refund(String session, Instant reservedAt);
}
