package com.feesmanager.automation.ports.out;

import java.time.LocalDate;

/**
 * Counts each account's messages per local day for the heartbeat's {@code today} (SPEC §1.5),
 * shared by every instance. A dashboard figure: a count may be off by one after a crash between the
 * outcome and its count, never by more.
 */
public interface DailyTally {

  /** One more message ended as {@code outcome} on the account's local {@code day}. */
  void count(String uid, LocalDate day, Outcome outcome);

  /** The account's counts for {@code day}; zeros when nothing was counted. */
  Heartbeat.DayCounts counts(String uid, LocalDate day);

  /** What is counted: SENT; FAILED (FAILED and DEAD); SKIPPED. */
  enum Outcome {
    SENT,
    FAILED,
    SKIPPED
  }
}
