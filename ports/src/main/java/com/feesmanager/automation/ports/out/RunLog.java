package com.feesmanager.automation.ports.out;

import java.util.List;
import java.util.Optional;

/** Where run summaries of fired occurrences go (SPEC §1.5). Writing one twice is harmless. */
public interface RunLog {

  void record(RunSummary summary);

  /** The account's summaries, most recent first, at most {@code limit}. */
  List<RunSummary> recent(String uid, int limit);

  /**
   * The run record of one occurrence, if it exists: an occurrence with a record is done and its
   * record is never rewritten (SPEC §2), even when Redis has lost its claims.
   */
  Optional<RunSummary> find(String uid, String ruleId, String occurrence);
}
