package com.feesmanager.automation.runner.daemon.e2e;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what a scenario did to its accounts' parents: waits until every expected message settled
 * (its log SENT, DELIVERED, READ, FAILED, DEAD or SKIPPED), at most {@link #LIMIT} after the last
 * fault, then compares the chats of the wppconnect double with the message logs in Firestore.
 */
final class ChaosWatch {

  /** How long after the last fault the watch waits for everything to settle. */
  static final Duration LIMIT = Duration.ofMinutes(3);

  private static final Set<String> SENT = Set.of("SENT", "DELIVERED", "READ");
  private static final Set<String> TERMINAL =
      Set.of("SENT", "DELIVERED", "READ", "FAILED", "DEAD", "SKIPPED");

  private final E2eStack stack;
  private final List<E2eAccount> accounts;

  ChaosWatch(E2eStack stack, List<E2eAccount> accounts) {
    this.stack = stack;
    this.accounts = List.copyOf(accounts);
  }

  /**
   * Waits for the accounts to settle, then tallies; the faults ran from {@code first} to {@code
   * last}.
   */
  ChaosTally tally(String scenario, Instant first, Instant last)
      throws InterruptedException, java.io.IOException {
    Instant deadline = last.plus(LIMIT);
    Instant settled = null;
    while (Instant.now().isBefore(deadline)) {
      if (settled()) {
        settled = Instant.now();
        break;
      }
      Thread.sleep(1_000);
    }
    // a message re-sent late would show up just after "settled": look once more
    Thread.sleep(3_000);
    ChaosTally tally =
        count(
            scenario,
            settled == null ? -1 : Duration.between(first, settled).toSeconds(),
            settled == null ? -1 : Duration.between(last, settled).toSeconds());
    // the processes' logs, for whoever reads the figures (target/chaos-logs/<scenario>)
    stack.keepOutputs(
        java.nio.file.Path.of("target", "chaos-logs", scenario.replaceAll("[^A-Za-z0-9]+", "-")));
    return tally;
  }

  private boolean settled() {
    Map<String, String> statuses = statuses();
    return expected().stream().allMatch(d -> TERMINAL.contains(statuses.getOrDefault(d, "")));
  }

  private ChaosTally count(String scenario, long settledAfterFirst, long settledAfterLast) {
    Set<String> expected = expected();
    Map<String, String> statuses = statuses();
    Map<String, String> reasons = reasons();
    int once = 0;
    int duplicates = 0;
    int lost = 0;
    int unknown = 0;
    int notSent = 0;
    for (String digits : expected) {
      long delivered = stack.whatsapp.delivered(digits);
      String status = statuses.getOrDefault(digits, "none");
      if (delivered == 1) {
        once++;
      }
      duplicates += (int) Math.max(0, delivered - 1);
      if (delivered == 0 && !status.equals("FAILED") && !status.equals("DEAD")) {
        lost++;
      }
      if (status.equals("FAILED") && "UNKNOWN_OUTCOME".equals(reasons.get(digits))) {
        unknown++;
      }
      if (delivered > 0 && !SENT.contains(status)) {
        notSent++;
      }
    }
    Set<String> strays = new HashSet<>();
    for (RecordedSend send : stack.sends()) {
      String digits = send.phone().replaceAll("\\D", "");
      if (!expected.contains(digits) && stack.whatsapp.delivered(digits) > 0) {
        strays.add(digits);
      }
    }
    return new ChaosTally(
        scenario,
        expected.size(),
        once,
        duplicates,
        strays.size(),
        longestPause(stack.sends()),
        lost,
        unknown,
        notSent,
        settledAfterFirst,
        settledAfterLast,
        Load.now(),
        List.of());
  }

  /** The longest gap between two send requests, from the first to the last. */
  static Duration longestPause(List<RecordedSend> sends) {
    List<Instant> times =
        sends.stream().map(RecordedSend::receivedAt).sorted(Comparator.naturalOrder()).toList();
    Duration longest = Duration.ZERO;
    for (int i = 1; i < times.size(); i++) {
      Duration gap = Duration.between(times.get(i - 1), times.get(i));
      if (gap.compareTo(longest) > 0) {
        longest = gap;
      }
    }
    return longest;
  }

  private Set<String> expected() {
    Set<String> digits = new HashSet<>();
    accounts.forEach(account -> digits.addAll(account.expectedDigits()));
    return digits;
  }

  /** Each recipient's log status (by the digits it went to), across the accounts. */
  private Map<String, String> statuses() {
    return field("status");
  }

  private Map<String, String> reasons() {
    return field("reason");
  }

  private Map<String, String> field(String name) {
    Map<String, String> values = new HashMap<>();
    for (E2eAccount account : accounts) {
      for (DocumentSnapshot log : stack.query(account.uid(), "messageLogs")) {
        String to = log.getString("to");
        String value = log.getString(name);
        if (to != null && value != null) {
          values.put(to.replaceAll("\\D", ""), value);
        }
      }
    }
    return values;
  }
}
