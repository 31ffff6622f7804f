package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-process run summaries per account, one per run id (a later write replaces an earlier one). */
public final class InMemoryRunLog implements RunLog {

  private static final Comparator<RunSummary> MOST_RECENT_FIRST =
      Comparator.comparing(RunSummary::firedAt).thenComparing(RunSummary::runId).reversed();

  private final Map<String, Map<String, RunSummary>> byAccount = new HashMap<>();

  @Override
  public synchronized void record(RunSummary summary) {
    Objects.requireNonNull(summary, "'summary' must not be null");
    byAccount.computeIfAbsent(summary.uid(), uid -> new HashMap<>()).put(summary.runId(), summary);
  }

  @Override
  public synchronized List<RunSummary> recent(String uid, int limit) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    if (limit < 0) {
      throw new IllegalArgumentException("'limit' must not be negative: " + limit);
    }
    return byAccount.getOrDefault(uid, Map.of()).values().stream()
        .sorted(MOST_RECENT_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<RunSummary> find(String uid, String ruleId, String occurrence) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    return Optional.ofNullable(
        byAccount.getOrDefault(uid, Map.of()).get(ruleId + "_" + occurrence));
  }
}
