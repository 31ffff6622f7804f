package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.contract.OccurrenceClaimsContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisOccurrenceClaimsIT extends OccurrenceClaimsContract {

  private static RedisConnection connection;

  @BeforeAll
  static void connect(TestInfo test) {
    connection = TestRedis.open(test);
  }

  @AfterAll
  static void cleanUpAndClose() {
    TestRedis.deleteAll(connection, connection.settings().keyPrefix());
    connection.close();
  }

  @Override
  protected OccurrenceClaims newClaims() {
    return connection.occurrenceClaims();
  }

  @Test
  void aDoneMark_lastsAsLongAsAMonthlyOccurrenceCanBeTheLatest() {
    // given
    Occurrence monthEnd =
        new Occurrence(
            "month-end",
            LocalDateTime.parse("2026-10-31T10:00"),
            Instant.parse("2026-10-31T05:00:00Z"));
    String uid = Unique.name("academy");
    OccurrenceClaims claims = connection.occurrenceClaims();
    claims.tryClaim(uid, monthEnd, monthEnd.firesAt(), Duration.ofMinutes(5));

    // when
    claims.complete(uid, monthEnd, monthEnd.firesAt());

    // then 31 days to the next one, plus a misfire grace of up to a day
    long ttl =
        TestRedis.commands(connection)
            .pttl(new Keys(connection.settings().keyPrefix()).occurrence(uid, monthEnd));
    assertThat(Duration.ofMillis(ttl)).isGreaterThan(Duration.ofDays(32));
  }
}
