package com.feesmanager.automation.runner.daemon.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's figures: expected recipients, delivered exactly once, duplicates (extra messages
 * in a parent's chat), strays (messages to numbers nobody expected), the longest pause between two
 * send requests while there was still something to send, lost (expected, not in the chat, not
 * recorded FAILED or DEAD), FAILED {@code UNKNOWN_OUTCOME} (not re-sent by design, apart),
 * delivered messages whose log does not say SENT, seconds from the first and from the last fault
 * until everything settled (−1: not within the limit), and the load average.
 */
record ChaosTally(
    String scenario,
    int expected,
    int exactlyOnce,
    int duplicates,
    int strays,
    Duration longestPause,
    int lost,
    int unknownOutcome,
    int logsNotSent,
    long settledAfterFirst,
    long settledAfterLast,
    String load,
    List<String> findings) {

  ChaosTally {
    findings = List.copyOf(findings);
  }

  /**
   * Passes with no duplicate, no stray and nothing lost (the rule), and no finding of the
   * scenario's own checks (the bad-input scenario's clear lines).
   */
  boolean passed() {
    return duplicates == 0 && strays == 0 && lost == 0 && findings.isEmpty();
  }

  ChaosTally withFindings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(findings);
    all.addAll(more);
    return new ChaosTally(
        scenario,
        expected,
        exactlyOnce,
        duplicates,
        strays,
        longestPause,
        lost,
        unknownOutcome,
        logsNotSent,
        settledAfterFirst,
        settledAfterLast,
        load,
        all);
  }

  String line() {
    return String.format(
            Locale.ROOT,
            "%-22s expected %4d | exactly once %4d | duplicates %d | strays %d | longest pause %5.1f s"
                + " | lost %d | FAILED UNKNOWN_OUTCOME %d | delivered, log not SENT %d"
                + " | settled %s after the first fault, %s after the last | load %s | %s",
            scenario,
            expected,
            exactlyOnce,
            duplicates,
            strays,
            longestPause.toMillis() / 1000.0,
            lost,
            unknownOutcome,
            logsNotSent,
            settledAfterFirst < 0 ? "NOT" : settledAfterFirst + " s",
            settledAfterLast < 0 ? "NOT" : settledAfterLast + " s",
            load,
            passed() ? "PASS" : "FAIL")
        + (findings.isEmpty() ? "" : "\n    " + String.join("\n    ", findings));
  }
}
