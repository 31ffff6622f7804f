package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Run summaries at {@code users/{uid}/automationRuns/{ruleId}_{occurrence}}, written through the
 * write-behind writer (a rewrite of the same run replaces it); {@link #recent} merges this
 * process's writes not yet committed.
 */
public final class FirestoreRunLog implements RunLog {

  private static final Comparator<RunSummary> MOST_RECENT_FIRST =
      Comparator.comparing(RunSummary::firedAt).thenComparing(RunSummary::runId).reversed();

  private final RestFirestore firestore;
  private final Calls calls;
  private final WriteBehind writer;

  FirestoreRunLog(RestFirestore firestore, Calls calls, WriteBehind writer) {
    this.firestore = firestore;
    this.calls = calls;
    this.writer = writer;
  }

  @Override
  public void record(RunSummary summary) {
    Objects.requireNonNull(summary, "'summary' must not be null");
    writer.put(runs(summary.uid()) + "/" + summary.runId(), WrittenDocuments.runFields(summary));
  }

  /** Ordered by {@code firedAt} descending (then document id, Firestore's implicit tie-break). */
  @Override
  public List<RunSummary> recent(String uid, int limit) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    if (limit < 0) {
      throw new IllegalArgumentException("'limit' must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    String runs = runs(uid);
    // waiting writes first: one committed meanwhile is then in the query's answer
    String prefix = runs + "/";
    List<WriteBehind.Write> waiting = writer.unsettled(write -> write.path().startsWith(prefix));
    List<RestFirestore.Document> stored =
        calls.read(
            runs,
            () ->
                firestore.query(
                    RestFirestore.Query.of("users/" + uid, "automationRuns")
                        .orderBy("firedAt", true)
                        .limit(limit)));
    Map<String, RunSummary> byId = new LinkedHashMap<>();
    for (RestFirestore.Document document : stored) {
      byId.put(document.id(), WrittenDocuments.run(uid, document));
    }
    for (WriteBehind.Write write : waiting) {
      if (write instanceof WriteBehind.Put put) {
        byId.put(put.id(), summary(uid, put.data()));
      }
    }
    return byId.values().stream().sorted(MOST_RECENT_FIRST).limit(limit).toList();
  }

  /** A waiting write of this process first, else the stored document (a live read). */
  @Override
  public Optional<RunSummary> find(String uid, String ruleId, String occurrence) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    String path = runs(uid) + "/" + ruleId + "_" + occurrence;
    Optional<WriteBehind.Write> waiting = writer.unsettled(path);
    if (waiting.isPresent() && waiting.get() instanceof WriteBehind.Put put) {
      return Optional.of(summary(uid, put.data()));
    }
    return calls
        .read(path, () -> firestore.get(path))
        .map(stored -> WrittenDocuments.run(uid, stored));
  }

  private static RunSummary summary(String uid, Map<String, Object> fields) {
    Map<String, Object> plain = FirestoreValues.plain(fields);
    return new RunSummary(
        uid,
        (String) plain.get("ruleId"),
        (String) plain.get("occurrence"),
        (Instant) plain.get("firedAt"),
        ((Number) plain.get("matched")).intValue(),
        ((Number) plain.get("queued")).intValue(),
        ((Number) plain.get("skipped")).intValue(),
        Optional.ofNullable((String) plain.get("error")));
  }

  private static String runs(String uid) {
    return "users/" + uid + "/automationRuns";
  }
}
