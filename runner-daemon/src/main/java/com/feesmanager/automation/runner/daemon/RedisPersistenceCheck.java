package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisPersistence;
import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.ports.out.AccountProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up (daemon and tick), a Redis that would forget or evict the queue and the dedupe marks
 * is one loud WARN line per setting, naming it and the fix, and a process-wide heartbeat problem
 * ({@code REDIS_NOT_PERSISTENT}, {@code REDIS_EVICTING}) so the owner sees it too.
 */
final class RedisPersistenceCheck {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPersistenceCheck.class);

  private RedisPersistenceCheck() {}

  /** Checks once; returns the warnings it logged and reported. */
  static List<RedisPersistence.Warning> run(
      RedisConnection redis, AccountProblems problems, Instant now) {
    RedisPersistence persistence = redis.persistence();
    if (persistence.unknown()) {
      LOG.info(
          "Redis persistence settings cannot be read (CONFIG is disabled, as on many managed"
              + " Redis services): make sure Redis keeps an append-only file and uses"
              + " maxmemory-policy noeviction");
    }
    List<RedisPersistence.Warning> warnings = persistence.warnings();
    for (String code : List.of(RedisPersistence.NOT_PERSISTENT, RedisPersistence.EVICTING)) {
      if (warnings.stream().noneMatch(w -> w.code().equals(code))) {
        problems.clearProcessWide(code);
      }
    }
    for (RedisPersistence.Warning warning : warnings) {
      LOG.warn("{}: {}", warning.code(), warning.message());
      problems.reportProcessWide(
          new AccountProblem(
              warning.code(), Optional.empty(), Optional.empty(), warning.message(), now));
    }
    return warnings;
  }
}
