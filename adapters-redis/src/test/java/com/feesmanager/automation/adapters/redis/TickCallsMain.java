package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;

import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.DailyTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A child process for {@link ClassLoadingIT}: what a one-shot tick asks of Redis (open, claim an
 * occurrence, enqueue, queue counts, tally, holds, the alert gate, readiness, close), over the
 * client named by its arguments; prints {@code DONE} at the end.
 */
public final class TickCallsMain {

  private TickCallsMain() {}

  /** Arguments: REDIS_URL, key prefix, client ({@link RedisDriver}). */
  public static void main(String[] args) {
    Instant now = Instant.parse("2026-11-20T05:00:30Z");
    String uid = "academy";
    String session = "session";
    try (RedisConnection redis =
        RedisConnection.open(
            RedisSettings.of(args[0])
                .withPrefix(args[1])
                .withDriver(RedisDriver.valueOf(args[2])))) {
      Occurrence occurrence =
          new Occurrence("overdue-daily", LocalDateTime.parse("2026-11-20T10:00"), now);
      redis.occurrenceClaims().tryClaim(uid, occurrence, now, Duration.ofMinutes(5));
      redis.messageQueue().enqueue(aQueuedMessage().inSession(session).build(), now);
      redis.messageQueue().counts(session, now);
      redis.messageQueue().countsByAccount(session, now);
      redis.messageQueue().nextDue(session, now);
      redis.occurrenceClaims().complete(uid, occurrence, now);
      redis.dailyTally().count(uid, LocalDate.parse("2026-11-20"), DailyTally.Outcome.SENT);
      redis.dailyTally().counts(uid, LocalDate.parse("2026-11-20"));
      redis.operatorHolds().heldSince(uid);
      redis.alertGate().tryPass("EVENT", uid, Duration.ofMinutes(30), now);
      redis.isReachable();
      redis.persistence();
    }
    System.out.println("DONE");
  }
}
