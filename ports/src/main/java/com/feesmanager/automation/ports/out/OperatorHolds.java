package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The operator's hold of an account (SPEC §8 operator console): while held, the account's queued
 * messages wait, nothing is skipped and no attempt is used. Shared by every process on the store,
 * so every daemon and {@code tick} sees a hold at once.
 */
public interface OperatorHolds {

  /** Holds the account from {@code since}; holding a held account keeps its first instant. */
  void hold(String uid, Instant since);

  /** Releases the account; releasing one that is not held does nothing. */
  void release(String uid);

  /** Since when the account is held; empty when it is not. */
  Optional<Instant> heldSince(String uid);
}
