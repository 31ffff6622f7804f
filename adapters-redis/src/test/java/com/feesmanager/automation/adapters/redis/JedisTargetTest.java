package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.adapters.redis.JedisRedisCalls.Target;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REDIS_URL read part by part for Jedis, as Lettuce reads it. */
class JedisTargetTest {

  @Test
  void hostPortDatabaseUserAndPassword() {
    assertThat(Target.parse("redis://alice:s3cret@redis.internal:6380/4"))
        .isEqualTo(
            new Target(
                "redis.internal", 6380, 4, Optional.of("alice"), Optional.of("s3cret"), false));
  }

  @Test
  void theDefaults_port6379_database0_noCredentials_noTls() {
    assertThat(Target.parse("redis://127.0.0.1"))
        .isEqualTo(new Target("127.0.0.1", 6379, 0, Optional.empty(), Optional.empty(), false));
    assertThat(Target.parse("redis://127.0.0.1:6397/")).extracting(Target::database).isEqualTo(0);
  }

  @Test
  void aLoneUserInfo_orOneAfterAColon_isThePassword() {
    assertThat(Target.parse("redis://s3cret@host"))
        .extracting(Target::user, Target::password)
        .containsExactly(Optional.empty(), Optional.of("s3cret"));
    assertThat(Target.parse("redis://:s3cret@host"))
        .extracting(Target::user, Target::password)
        .containsExactly(Optional.empty(), Optional.of("s3cret"));
  }

  @Test
  void percentEscapesInTheUserInfo_areDecoded() {
    assertThat(Target.parse("redis://:p%40ss%3Aword@host").password()).contains("p@ss:word");
  }

  @Test
  void rediss_isTls() {
    assertThat(Target.parse("rediss://:s3cret@cache.example.com:6380").tls()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis://:s3cret@/",
        "redis://:s3cret@host/db-one",
        "redis://:s3cret@host/-1",
        "redis://:s3 cret@host",
        "http://:s3cret@host",
        "redis://:s3cret@host:notaport"
      })
  void aUrlItCannotUse_isRejected_withoutEchoingIt(String url) {
    assertThatThrownBy(() -> Target.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_URL is not a valid Redis URL")
        .hasNoCause();
  }

  @Test
  void itsTextNeverHoldsThePassword() {
    assertThat(Target.parse("rediss://alice:s3cret@host:6380/2").toString())
        .doesNotContain("s3cret")
        .contains("host", "6380", "2", "tls");
  }
}
