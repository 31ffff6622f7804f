package com.feesmanager.automation.ports.out;

import java.util.List;

/** Where run summaries of fired occurrences go (SPEC §1.5). Writing one twice is harmless. */
public interface RunLog {

  void record(RunSummary summary);

  /** The account's summaries, most recent first, at most {@code limit}. */
  List<RunSummary> recent(String uid, int limit);
}
