package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery queue in Redis (SPEC §4): one Lua script per step over the session's keys, so every
 * worker of every instance sees one consistent queue, on a single Redis or a Cluster.
 */
public final class RedisMessageQueue implements MessageQueue, QueueMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(RedisMessageQueue.class);

  static final String PROCESSING_ERROR = "PROCESSING_ERROR";

  /** FIFO members start with the enqueue instant as 13 zero-padded digits of epoch millis. */
  private static final long LATEST_PADDED_MILLIS = 9_999_999_999_999L;

  private final RedisCalls redis;
  private final Keys keys;
  private final String visibilityMillis;
  private final String retentionMillis;

  /** Sessions this process already registered; the registry only grows, so caching is safe. */
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  /**
   * Names each claim call, so the same call sent again after its connection broke (the client
   * trying again) gets the claim it made (fragment-queue-claim.lua): this queue's own prefix,
   * unique among the processes sharing Redis, then a count.
   */
  private final String requester = UUID.randomUUID() + ":";

  private final AtomicLong requests = new AtomicLong();

  RedisMessageQueue(
      RedisCalls redis, Keys keys, Duration visibilityTimeout, Duration dedupeRetention) {
    this.redis = redis;
    this.keys = keys;
    this.visibilityMillis = Long.toString(Millis.ceil(visibilityTimeout));
    this.retentionMillis = Long.toString(Millis.ceil(dedupeRetention));
  }

  @Override
  public boolean enqueue(QueuedMessage message, Instant now) {
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String session = message.session();
    // Registered before the message exists, so a crash in between never hides a session.
    if (!registered.contains(session)) {
      redis.sadd(keys.sessions(), session);
      registered.add(session);
    }
    long enqueuedMillis =
        Math.max(0, Math.min(LATEST_PADDED_MILLIS, message.enqueuedAt().toEpochMilli()));
    return redis.integer(
            Script.QUEUE_ENQUEUE,
            keys.queueWithAccounts(session),
            message.key().value(),
            MessageCodec.encode(message),
            Millis.of(now),
            String.format("%013d", enqueuedMillis),
            message.uid())
        == 1;
  }

  @Override
  public Optional<Claim> claimNext(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<Object> claimed =
        redis.multi(
            Script.QUEUE_CLAIM,
            keys.queue(session),
            Millis.of(now),
            visibilityMillis,
            nextRequest());
    return claimAt(claimed, 0, session, now);
  }

  /** One script call: the completion and the next claim share the round trip. */
  @Override
  public Optional<Claim> completeAndClaimNext(Claim claim, Instant now) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<Object> answer =
        redis.multi(
            Script.QUEUE_COMPLETE_CLAIM,
            queueOf(claim),
            keyOf(claim),
            claim.token(),
            Millis.of(now),
            retentionMillis,
            visibilityMillis,
            nextRequest());
    // answer[0] says whether the claim was completed; the port does not report it.
    return claimAt(answer, 1, claim.message().session(), now);
  }

  private String nextRequest() {
    return requester + requests.incrementAndGet();
  }

  /**
   * Decodes queue-claim's answer (key, payload, attempts, sendStarted, token, visibleUntil). A
   * payload this code cannot read (written by a newer version, then rolled back; corrupted) would
   * come back after every visibility timeout for ever: it is dead-lettered as PROCESSING_ERROR, and
   * the session's next message is claimed instead.
   */
  private Optional<Claim> claimAt(List<Object> answer, int from, String session, Instant now) {
    if (answer.size() <= from) {
      return Optional.empty();
    }
    String key = (String) answer.get(from);
    QueuedMessage message;
    try {
      message = MessageCodec.decode((String) answer.get(from + 1));
    } catch (RuntimeException unreadable) {
      LOG.error(
          "Message {} of session {} cannot be read ({}): dead-lettered as {}",
          key,
          session,
          unreadable.getMessage(),
          PROCESSING_ERROR);
      redis.integer(
          Script.QUEUE_DEAD_LETTER,
          keys.queue(session),
          key,
          (String) answer.get(from + 4),
          PROCESSING_ERROR,
          Millis.of(now));
      return claimNext(session, now);
    }
    return Optional.of(
        new Claim(
            message,
            Integer.parseInt((String) answer.get(from + 2)),
            "1".equals(answer.get(from + 3)),
            (String) answer.get(from + 4),
            Millis.instant(answer.get(from + 5))));
  }

  @Override
  public int returnAbandoned(String session, Instant now, Instant askAt) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(askAt, "'askAt' must not be null");
    return (int)
        redis.integer(
            Script.QUEUE_RETURN_ABANDONED, keys.queue(session), Millis.of(now), Millis.of(askAt));
  }

  @Override
  public boolean returnAt(Claim claim, Instant askAt) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Objects.requireNonNull(askAt, "'askAt' must not be null");
    return redis.integer(
            Script.QUEUE_RETURN_AT, queueOf(claim), keyOf(claim), claim.token(), Millis.of(askAt))
        == 1;
  }

  @Override
  public boolean markSending(Claim claim, Instant now) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    return redis.integer(Script.QUEUE_MARK_SENDING, queueOf(claim), keyOf(claim), claim.token())
        == 1;
  }

  @Override
  public boolean complete(Claim claim, Instant now) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    return redis.integer(
            Script.QUEUE_COMPLETE,
            queueOf(claim),
            keyOf(claim),
            claim.token(),
            Millis.of(now),
            retentionMillis)
        == 1;
  }

  @Override
  public boolean release(Claim claim, Instant readyAt, boolean attemptConsumed) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Objects.requireNonNull(readyAt, "'readyAt' must not be null");
    return redis.integer(
            Script.QUEUE_RELEASE,
            queueOf(claim),
            keyOf(claim),
            claim.token(),
            Millis.of(readyAt),
            attemptConsumed ? "1" : "0")
        == 1;
  }

  @Override
  public boolean deadLetter(Claim claim, String reason, Instant now) {
    Objects.requireNonNull(claim, "'claim' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    return redis.integer(
            Script.QUEUE_DEAD_LETTER,
            queueOf(claim),
            keyOf(claim),
            claim.token(),
            reason,
            Millis.of(now))
        == 1;
  }

  @Override
  public QueueCounts counts(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<Object> counts = redis.multi(Script.QUEUE_COUNTS, keys.queue(session), Millis.of(now));
    return new QueueCounts(
        (Long) counts.get(0), (Long) counts.get(1), (Long) counts.get(2), (Long) counts.get(3));
  }

  /** One script: as cheap as {@link #counts} for a session of one account; see its cost there. */
  @Override
  public Map<String, QueueCounts> countsByAccount(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<Object> flat =
        redis.multi(
            Script.QUEUE_COUNTS_BY_ACCOUNT, keys.queueWithAccounts(session), Millis.of(now));
    Map<String, QueueCounts> byAccount = new HashMap<>();
    for (int i = 0; i + 4 < flat.size(); i += 5) {
      byAccount.put(
          (String) flat.get(i),
          new QueueCounts(
              (Long) flat.get(i + 1),
              (Long) flat.get(i + 2),
              (Long) flat.get(i + 3),
              (Long) flat.get(i + 4)));
    }
    return Map.copyOf(byAccount);
  }

  /** Three reads, not atomic: a message moving between them can only make the answer earlier. */
  @Override
  public Optional<Instant> nextDue(String session, Instant now) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String[] queue = keys.queue(session);
    if (redis.zcard(queue[0]) > 0) {
      return Optional.of(now);
    }
    Optional<Instant> earliest = Optional.empty();
    for (String zset : new String[] {queue[1], queue[2]}) {
      for (ScoredMember first : redis.zrangeWithScores(zset, 0, 0)) {
        Instant due = Instant.ofEpochMilli((long) first.score());
        if (earliest.isEmpty() || due.isBefore(earliest.get())) {
          earliest = Optional.of(due);
        }
      }
    }
    return earliest.map(due -> due.isAfter(now) ? due : now);
  }

  @Override
  public Set<String> sessions() {
    Set<String> withWork = new java.util.HashSet<>();
    for (String session : allSessions()) {
      String[] pending = keys.pendingOf(session);
      if (redis.exists(pending) > 0) {
        withWork.add(session);
      }
    }
    return Set.copyOf(withWork);
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("'limit' must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    List<DeadLetter> letters = new ArrayList<>();
    for (String session : allSessions()) {
      List<Object> flat =
          redis.multi(Script.QUEUE_DEAD_LETTERS, keys.queue(session), Integer.toString(limit));
      for (int i = 0; i + 4 < flat.size(); i += 5) {
        QueuedMessage message;
        try {
          message = MessageCodec.decode((String) flat.get(i + 1));
        } catch (RuntimeException unreadable) {
          // counted in the session's dead letters, but it names no account or recipient to show
          LOG.warn("Dead letter {} of session {} cannot be read: left out", flat.get(i), session);
          continue;
        }
        letters.add(
            new DeadLetter(
                message,
                Integer.parseInt((String) flat.get(i + 2)),
                (String) flat.get(i + 3),
                Millis.instant(flat.get(i + 4))));
      }
    }
    letters.sort(Comparator.comparing(DeadLetter::diedAt));
    return List.copyOf(letters.subList(0, Math.min(limit, letters.size())));
  }

  @Override
  public int requeueDead(Set<MessageKey> deadKeys, Instant now) {
    Objects.requireNonNull(deadKeys, "'deadKeys' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String[] args = new String[deadKeys.size() + 1];
    args[0] = Millis.of(now);
    int i = 1;
    for (MessageKey key : deadKeys) {
      args[i++] = key.value();
    }
    int requeued = 0;
    for (String session : allSessions()) {
      requeued += (int) redis.integer(Script.QUEUE_REQUEUE_DEAD, keys.queue(session), args);
    }
    return requeued;
  }

  @Override
  public int dropDead(Set<MessageKey> deadKeys, Instant now) {
    Objects.requireNonNull(deadKeys, "'deadKeys' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    String[] args = new String[deadKeys.size() + 2];
    args[0] = Millis.of(now);
    args[1] = retentionMillis;
    int i = 2;
    for (MessageKey key : deadKeys) {
      args[i++] = key.value();
    }
    int dropped = 0;
    for (String session : allSessions()) {
      dropped += (int) redis.integer(Script.QUEUE_DROP_DEAD, keys.queue(session), args);
    }
    return dropped;
  }

  private Set<String> allSessions() {
    return redis.smembers(keys.sessions());
  }

  private String[] queueOf(Claim claim) {
    return keys.queue(claim.message().session());
  }

  private static String keyOf(Claim claim) {
    return claim.message().key().value();
  }
}
