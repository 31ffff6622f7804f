package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.redis.RedisPersistence.Warning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistence settings as real redis-server processes report them (CONFIG GET). */
class RedisPersistenceIT {

  @TempDir Path dir;

  private List<Warning> warningsOf(String... options) throws Exception {
    try (RedisServerProcess server =
            RedisServerProcess.start(Files.createTempDirectory(dir, "redis"), options);
        RedisConnection redis =
            RedisConnection.open(RedisSettings.of(server.url()).withDriver(driver()))) {
      return redis.persistence().warnings();
    }
  }

  @Test
  void appendonlyNo_withoutSnapshots_isNotPersistent() throws Exception {
    // when (the test server runs with save "")
    List<Warning> warnings = warningsOf("--appendonly", "no");

    // then
    assertThat(warnings).extracting(Warning::code).containsExactly("REDIS_NOT_PERSISTENT");
    assertThat(warnings.get(0).message())
        .contains("appendonly no", "save \"\"", "CONFIG SET appendonly yes");
  }

  @Test
  void appendonlyNo_withSnapshots_isNotPersistentEither_andSaysWhatASnapshotLoses()
      throws Exception {
    // when
    List<Warning> warnings = warningsOf("--appendonly", "no", "--save", "3600 1");

    // then
    assertThat(warnings).extracting(Warning::code).containsExactly("REDIS_NOT_PERSISTENT");
    assertThat(warnings.get(0).message()).contains("save \"3600 1\"", "since the last");
  }

  @Test
  void anEvictingPolicy_isReported() throws Exception {
    // when
    List<Warning> warnings =
        warningsOf(
            "--appendonly", "yes", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru");

    // then
    assertThat(warnings).extracting(Warning::code).containsExactly("REDIS_EVICTING");
    assertThat(warnings.get(0).message())
        .contains("maxmemory-policy allkeys-lru", "CONFIG SET maxmemory-policy noeviction");
  }

  @Test
  void bothSettingsWrong_areBothReported() throws Exception {
    // when
    List<Warning> warnings = warningsOf("--appendonly", "no", "--maxmemory-policy", "volatile-ttl");

    // then
    assertThat(warnings)
        .extracting(Warning::code)
        .containsExactly("REDIS_NOT_PERSISTENT", "REDIS_EVICTING");
  }

  @Test
  void appendonlyYes_andNoeviction_isWell() throws Exception {
    // when
    List<Warning> warnings = warningsOf("--appendonly", "yes", "--maxmemory-policy", "noeviction");

    // then
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRedisWithoutConfig_likeManagedRedis_isUnknown_notAnError() throws Exception {
    // given CONFIG disabled, as many managed Redis services do
    try (RedisServerProcess server =
            RedisServerProcess.start(
                Files.createTempDirectory(dir, "redis"),
                "--appendonly",
                "no",
                "--rename-command",
                "CONFIG",
                "");
        RedisConnection redis =
            RedisConnection.open(RedisSettings.of(server.url()).withDriver(driver()))) {

      // when
      RedisPersistence persistence = redis.persistence();

      // then
      assertThat(persistence.unknown()).isTrue();
      assertThat(persistence.warnings()).isEmpty();
    }
  }

  private RedisDriver driver() {
    return TestRedis.driverOf(getClass());
  }
}
