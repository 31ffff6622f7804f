package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lines a {@link Tick} prints for the operator: what fired, and the heartbeat written; and the
 * tick's one scan of the enabled accounts that firing, these lines and the heartbeat share.
 */
final class TickLines {

  private TickLines() {}

  /** Scans the enabled accounts once for the whole tick ({@link SharedScan}). */
  static Optional<AccountScan> scan(Injector injector) {
    return SharedScan.of(injector.getInstance(AccountDirectory.class));
  }

  /** One line per fired (or missed) occurrence, in the account's zone. */
  static void fired(
      Injector injector, Optional<AccountScan> accounts, FireReport fired, PrintStream out) {
    Map<String, String> zones =
        fired.occurrences().isEmpty() ? Map.of() : zoneLabels(injector, accounts);
    fired
        .occurrences()
        .forEach(
            o ->
                out.printf(
                    "%s %s %s %s%s: matched %d, queued %d, skipped %d%n",
                    o.outcome(),
                    o.uid(),
                    o.ruleId(),
                    o.occurrence(),
                    zones.getOrDefault(o.uid(), ""),
                    o.matched(),
                    o.queued(),
                    o.skipped()));
  }

  /**
   * {@code " Asia/Karachi"} for each account: an occurrence is the account's local time, and a
   * person reading it needs the zone (issue 15). From the tick's scan, the one the fire step used
   * (read again only when that scan failed); none when they cannot be read now (the fire step
   * reported that).
   */
  private static Map<String, String> zoneLabels(Injector injector, Optional<AccountScan> accounts) {
    Map<String, String> zones = new HashMap<>();
    try {
      accounts
          .orElseGet(() -> injector.getInstance(AccountDirectory.class).enabledAccounts())
          .accounts()
          .forEach(account -> zones.put(account.uid(), " " + account.timezone()));
    } catch (RuntimeException e) {
      // the labels only help reading; the tick goes on without them
    }
    return zones;
  }

  /**
   * Writes the accounts' heartbeats after the tick's work (SPEC §8), so they show what it found,
   * their next runs from {@code ruleBooks}, the rule books the tick's firing read; a heartbeat that
   * cannot be written is a line, and changes no exit code (that is the messages').
   */
  static void heartbeat(
      Injector injector,
      Optional<AccountScan> accounts,
      Map<String, RuleBook> ruleBooks,
      Clock clock,
      PrintStream out) {
    try {
      out.printf(
          "heartbeat: written for %d account(s)%n",
          TickHeartbeat.publish(injector, accounts, ruleBooks, clock).size());
    } catch (RuntimeException e) {
      out.println("problem: heartbeat not written: " + e.getMessage());
    }
  }
}
