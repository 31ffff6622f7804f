package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stored message this code cannot read (left by a newer version after a rollback) is a poison
 * message: it must not come back after every visibility timeout for ever.
 */
class UnreadableMessageIT {

  private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

  private final String prefix = TestRedis.prefix();
  private final RedisConnection connection = TestRedis.open(driver());
  private final RedisMessageQueue queue = TestRedis.queue(connection, prefix);

  private RedisDriver driver() {
    return TestRedis.driverOf(getClass());
  }

  @AfterEach
  void cleanUp() {
    TestRedis.deleteAll(connection, prefix);
    connection.close();
  }

  @Test
  void an_unreadable_message_is_dead_lettered_and_the_next_one_is_claimed() {
    // given two messages of one session, the first stored in a form this version cannot read
    QueuedMessage first =
        aQueuedMessage().inSession("s").withKey("k-first").enqueuedAt(NOW).build();
    QueuedMessage second =
        aQueuedMessage().inSession("s").withKey("k-second").enqueuedAt(NOW.plusSeconds(1)).build();
    queue.enqueue(first, NOW);
    queue.enqueue(second, NOW);
    String state = new Keys(prefix).queue("s")[3];
    TestRedis.commands(connection).hset(state, "d:k-first", "9|from a newer version");

    // when the session's next message is claimed
    Optional<Claim> claim = queue.claimNext("s", NOW.plusSeconds(5));

    // then the readable one is handed out, and the unreadable one is dead, not in flight
    assertThat(claim).map(c -> c.message().key().value()).contains("k-second");
    assertThat(queue.counts("s", NOW.plusSeconds(5)).inFlight()).isEqualTo(1);
    assertThat(queue.counts("s", NOW.plusSeconds(5)).dead()).isEqualTo(1);
    assertThat(queue.claimNext("s", NOW.plus(TestRedis.VISIBILITY).plusSeconds(10)))
        .map(c -> c.message().key().value())
        .contains("k-second");
    assertThat(queue.deadLetters(10)).isEmpty(); // listed nowhere, but never a crash of `dead list`
  }
}
