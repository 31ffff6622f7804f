package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires the occurrences due at an instant for every enabled account: claims each once, plans it,
 * enqueues the messages, writes QUEUED and SKIPPED logs and the run summary (SPEC §2, §1.5).
 */
public interface FireDueOccurrencesUseCase {

  FireReport fireDueOccurrences(FireDueOccurrencesCommand command);

  /**
   * Fire what is due at {@code at}, for the accounts of {@code accounts} when the caller has
   * already scanned them this check (empty: firing scans them itself). {@code onOccurrence} hears
   * each occurrence as soon as it ends, from the thread that fired it (accounts fire concurrently),
   * so a caller can wake the senders before the slower accounts are done. {@code onFirstQueued}
   * hears, from the same thread, that an occurrence has queued (and logged) its first message, with
   * the session it was queued for, before the rest of its messages, skips and run record are
   * written: that session's sender can start then.
   */
  record FireDueOccurrencesCommand(
      Instant at,
      Optional<AccountScan> accounts,
      Consumer<OccurrenceReport> onOccurrence,
      Consumer<String> onFirstQueued) {
    public FireDueOccurrencesCommand {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(accounts, "'accounts' must not be null");
      Objects.requireNonNull(onOccurrence, "'onOccurrence' must not be null");
      Objects.requireNonNull(onFirstQueued, "'onFirstQueued' must not be null");
    }

    /** As the canonical one, nobody listening for first messages. */
    public FireDueOccurrencesCommand(
        Instant at, Optional<AccountScan> accounts, Consumer<OccurrenceReport> onOccurrence) {
      this(at, accounts, onOccurrence, session -> {});
    }

    /** Scans the accounts itself, nobody listens for each occurrence. */
    public FireDueOccurrencesCommand(Instant at) {
      this(at, Optional.empty(), report -> {});
    }
  }

  /**
   * What happened to each rule looked at; and, by uid, the rule book of each account whose rules
   * this pass read at its instant (an account whose read failed is not in it), so that the same
   * check's heartbeats can use them instead of reading them again.
   */
  record FireReport(
      List<OccurrenceReport> occurrences, List<String> problems, Map<String, RuleBook> ruleBooks) {
    public FireReport {
      occurrences = List.copyOf(occurrences);
      problems = List.copyOf(problems);
      ruleBooks = Map.copyOf(ruleBooks);
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
