package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.message.MessageKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What operators and the heartbeat see of the queue: counts, sessions, dead letters. */
public interface QueueMonitor {

  /** Counts per state for one session. */
  QueueCounts counts(String session, Instant now);

  /**
   * The same counts for each account with messages on the session (the heartbeat's {@code queue} is
   * the account's own, SPEC §8); accounts with none are absent.
   */
  Map<String, QueueCounts> countsByAccount(String session, Instant now);

  /**
   * When the session's next message may be claimed: {@code now} when one is ready (or a claim has
   * timed out), else the earliest instant a delayed message falls due or an in-flight claim times
   * out; empty when the session has nothing pending. What {@code tick} waits for (SPEC §8).
   */
  Optional<Instant> nextDue(String session, Instant now);

  /** Sessions that have ready, delayed or in-flight messages. */
  Set<String> sessions();

  /** Dead letters, oldest first, at most {@code limit}. */
  List<DeadLetter> deadLetters(int limit);

  /** Requeues the given dead letters (all when {@code keys} is empty) with fresh attempts. */
  int requeueDead(Set<MessageKey> keys, Instant now);

  /**
   * Drops the given dead letters (all when {@code keys} is empty) for good: they are never sent,
   * and their keys are remembered like finished ones, so the same message is not queued again
   * within the dedupe retention. Returns how many were dropped.
   */
  int dropDead(Set<MessageKey> keys, Instant now);
}
