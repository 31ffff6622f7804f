package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.message.MessageKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What operators and the heartbeat see of the queue: counts, sessions, dead letters. */
public interface QueueMonitor {

  /** Counts per state for one session. */
  QueueCounts counts(String session, Instant now);

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
   * Drops the given dead letters (all when {@code keys} is empty): they leave the dead-letter set
   * and are remembered as finished for the dedupe retention from {@code now}, so the same message
   * is not enqueued again meanwhile (an operator who dropped it decided it should not go).
   */
  int dropDead(Set<MessageKey> keys, Instant now);
}
