package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the rule books a minute check's firing read ({@link FireReport#ruleBooks}) to that check's
 * heartbeats, so each account's rules are read once per check, not twice (issue 16). Not a cache:
 * each firing empties it before it starts and fills it as it returns, and a heartbeat takes it
 * once, so no heartbeat sees books older than the latest minute check's firing, nor the same books
 * twice. After a firing that threw, or once taken, it is empty: the heartbeat reads for itself.
 */
final class MinuteRuleBooks {

  private final AtomicReference<Map<String, RuleBook>> fired = new AtomicReference<>(Map.of());

  /** {@code firing}, each report's rule books handed on to the next {@link #take}. */
  FireDueOccurrencesUseCase handedOnFrom(FireDueOccurrencesUseCase firing) {
    Objects.requireNonNull(firing, "'firing' must not be null");
    return command -> {
      fired.set(Map.of()); // a firing that throws hands on nothing, not an earlier minute's books
      FireReport report = firing.fireDueOccurrences(command);
      fired.set(report.ruleBooks());
      return report;
    };
  }

  /** The books of the latest firing, by uid, once; empty when none was handed on since. */
  Map<String, RuleBook> take() {
    return fired.getAndSet(Map.of());
  }
}
