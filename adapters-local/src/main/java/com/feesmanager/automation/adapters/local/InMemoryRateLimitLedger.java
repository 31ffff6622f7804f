package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimitPolicy;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.domain.delivery.SendHistory;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In-process send history per WhatsApp session; each reservation decides and records under one
 * lock, so racing workers of this process never overshoot a limit.
 */
public final class InMemoryRateLimitLedger implements RateLimitLedger {

  /**
   * Sends older than this can no longer count: the hour window is 60 minutes and a local day lasts
   * at most 25 hours (DST), so older entries are dropped to keep the history small.
   */
  static final Duration HISTORY_KEPT = Duration.ofHours(26);

  private final Map<String, SendHistory> histories = new HashMap<>();

  @Override
  public synchronized RateDecision reserve(
      String session, RateLimits limits, Duration gap, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(gap, "'gap' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    SendHistory history = recent(histories.getOrDefault(session, SendHistory.empty()), now);
    RateDecision decision = RateLimitPolicy.decide(history, limits, now);
    if (decision instanceof RateDecision.SendNow) {
      histories.put(session, RateLimitPolicy.afterSend(history, now, gap));
    }
    return decision;
  }

  private static SendHistory recent(SendHistory history, Instant now) {
    Instant oldestKept = now.minus(HISTORY_KEPT);
    List<Instant> sends =
        history.sends().stream().filter(send -> send.isAfter(oldestKept)).toList();
    return sends.size() == history.sends().size()
        ? history
        : new SendHistory(sends, history.notBefore());
  }
}
