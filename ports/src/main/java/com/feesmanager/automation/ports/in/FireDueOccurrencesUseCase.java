package com.feesmanager.automation.ports.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fires the occurrences due at an instant for every enabled account: claims each once, plans it,
 * enqueues the messages, writes QUEUED and SKIPPED logs and the run summary (SPEC §2, §1.5).
 */
public interface FireDueOccurrencesUseCase {

  FireReport fireDueOccurrences(FireDueOccurrencesCommand command);

  /** Fire what is due at {@code at}. */
  record FireDueOccurrencesCommand(Instant at) {
    public FireDueOccurrencesCommand {
      Objects.requireNonNull(at, "'at' must not be null");
    }
  }

  /** What happened to each rule looked at. */
  record FireReport(List<OccurrenceReport> occurrences, List<String> problems) {
    public FireReport {
      occurrences = List.copyOf(occurrences);
      problems = List.copyOf(problems);
    }

    public int queued() {
      return occurrences.stream().mapToInt(OccurrenceReport::queued).sum();
    }

    public int skipped() {
      return occurrences.stream().mapToInt(OccurrenceReport::skipped).sum();
    }
  }

  /** One occurrence's outcome. */
  record OccurrenceReport(
      String uid,
      String ruleId,
      String occurrence,
      Outcome outcome,
      int matched,
      int queued,
      int skipped,
      List<String> problems) {
    public OccurrenceReport {
      Objects.requireNonNull(uid, "'uid' must not be null");
      Objects.requireNonNull(ruleId, "'ruleId' must not be null");
      Objects.requireNonNull(occurrence, "'occurrence' must not be null");
      Objects.requireNonNull(outcome, "'outcome' must not be null");
      problems = List.copyOf(problems);
    }
  }

  /** How an occurrence ended in this run. */
  enum Outcome {
    FIRED,
    MISSED,
    HOLIDAY,
    INVALID_RULE,
    /** Another process holds or finished it. */
    ALREADY_CLAIMED,
    /** Account data unavailable (e.g. stale cache): not fired now, may fire later in grace. */
    DATA_UNAVAILABLE
  }
}
