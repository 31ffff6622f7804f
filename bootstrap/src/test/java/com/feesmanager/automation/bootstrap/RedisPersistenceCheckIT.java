package com.feesmanager.automation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisServerProcess;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.ports.out.AccountProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The start-up check on real redis-server processes: WARN lines and heartbeat problems. */
class RedisPersistenceCheckIT {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RedisPersistenceCheck.class);
  private final AccountProblems problems = new AccountProblems();

  @TempDir Path dir;

  @BeforeEach
  void attach() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(log);
  }

  private void checkRedisStartedWith(String... options) throws Exception {
    try (RedisServerProcess server =
            RedisServerProcess.start(Files.createTempDirectory(dir, "redis"), options);
        RedisConnection redis = RedisConnection.open(RedisSettings.of(server.url()))) {
      RedisPersistenceCheck.run(redis, problems, T0);
    }
  }

  @Test
  void aRedisWithoutAppendOnlyFile_andAnEvictingPolicy_isTwoWarnLines_andTwoProblemsOfEveryAccount()
      throws Exception {
    // when
    checkRedisStartedWith("--appendonly", "no", "--maxmemory-policy", "allkeys-lru");

    // then
    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            line -> {
              assertThat(line.toList().get(0)).isEqualTo(Level.WARN);
              assertThat((String) line.toList().get(1))
                  .startsWith("REDIS_NOT_PERSISTENT: Redis has appendonly no")
                  .contains("CONFIG SET appendonly yes");
            },
            line -> {
              assertThat(line.toList().get(0)).isEqualTo(Level.WARN);
              assertThat((String) line.toList().get(1))
                  .startsWith("REDIS_EVICTING: Redis has maxmemory-policy allkeys-lru")
                  .contains("CONFIG SET maxmemory-policy noeviction");
            });
    assertThat(problems.of("any-account"))
        .extracting(AccountProblem::code)
        .containsExactlyInAnyOrder("REDIS_NOT_PERSISTENT", "REDIS_EVICTING");
  }

  @Test
  void aPersistentNonEvictingRedis_isQuiet_andClearsAnEarlierProblem() throws Exception {
    // given an earlier check that found Redis not persistent
    checkRedisStartedWith("--appendonly", "no");
    log.list.clear();

    // when
    checkRedisStartedWith("--appendonly", "yes", "--maxmemory-policy", "noeviction");

    // then
    assertThat(log.list).isEmpty();
    assertThat(problems.of("any-account")).isEmpty();
  }
}
