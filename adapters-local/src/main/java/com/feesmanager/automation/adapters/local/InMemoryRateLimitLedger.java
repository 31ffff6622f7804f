package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimitPolicy;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.domain.delivery.SendHistory;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-process send history per WhatsApp session; each reservation (and each refund) decides and
 * records under one lock, so racing workers of this process never overshoot a limit.
 */
public final class InMemoryRateLimitLedger implements RateLimitLedger {

  /**
   * Sends older than this can no longer count: the hour window is 60 minutes and a local day lasts
   * at most 25 hours (DST), so older entries are dropped to keep the history small.
   */
  static final Duration HISTORY_KEPT = Duration.ofHours(26);

  private final Map<String, Ledger> ledgers = new HashMap<>();

  /**
   * A session's history, and which reservation set its gap mark ({@code gapBy}) over which earlier
   * mark ({@code gapBefore}), so refunding that reservation can put the mark back.
   */
  private record Ledger(SendHistory history, Optional<Instant> gapBy, Optional<Instant> gapBefore) {

    static final Ledger EMPTY = new Ledger(SendHistory.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public synchronized RateDecision reserve(
      String session, RateLimits limits, Duration gap, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(gap, "'gap' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Ledger ledger = ledgers.getOrDefault(session, Ledger.EMPTY);
    SendHistory history = recent(ledger.history(), now);
    RateDecision decision = RateLimitPolicy.decide(history, limits, now);
    if (decision instanceof RateDecision.SendNow) {
      ledgers.put(
          session,
          new Ledger(
              RateLimitPolicy.afterSend(history, now, gap), Optional.of(now), history.notBefore()));
    }
    return decision;
  }

  @Override
  public synchronized void refund(String session, Instant reservedAt) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(reservedAt, "'reservedAt' must not be null");
    Ledger ledger = ledgers.get(session);
    if (ledger == null) {
      return;
    }
    List<Instant> sends = new ArrayList<>(ledger.history().sends());
    if (!sends.remove(reservedAt)) {
      return;
    }
    if (ledger.gapBy().equals(Optional.of(reservedAt))) {
      // That reservation set the gap mark and none has moved it since: the send never happened.
      ledgers.put(
          session,
          new Ledger(
              new SendHistory(sends, ledger.gapBefore()), Optional.empty(), Optional.empty()));
    } else {
      ledgers.put(
          session,
          new Ledger(
              new SendHistory(sends, ledger.history().notBefore()),
              ledger.gapBy(),
              ledger.gapBefore()));
    }
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
