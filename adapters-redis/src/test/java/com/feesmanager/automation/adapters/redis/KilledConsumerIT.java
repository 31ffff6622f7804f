package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A consumer process killed in the middle of a message: the message is delivered once after. */
class KilledConsumerIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private RedisConnection connection;
  private String prefix;
  private RedisMessageQueue queue;

  private RedisDriver driver() {
    return TestRedis.driverOf(getClass());
  }

  @BeforeEach
  void connect() {
    connection = TestRedis.open(driver());
    prefix = TestRedis.prefix();
    queue = TestRedis.queue(connection, prefix);
  }

  @AfterEach
  void cleanUp() {
    TestRedis.deleteAll(connection, prefix);
    connection.close();
  }

  @Test
  void aKilledConsumersMessage_isReclaimedAfterTheVisibilityTimeout_andCompletedExactlyOnce()
      throws Exception {
    // given five messages in one session
    String session = Unique.name("session");
    List<QueuedMessage> messages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      QueuedMessage message =
          aQueuedMessage().inSession(session).enqueuedAt(T0.plusSeconds(i)).build();
      assertThat(queue.enqueue(message, T0.plusSeconds(i))).isTrue();
      messages.add(message);
    }

    // when a consumer process claims the first, starts sending, and is killed
    Instant claimedAt = T0.plusSeconds(10);
    Process consumer =
        new ProcessBuilder(
                javaBinary(),
                "-cp",
                System.getProperty("java.class.path"),
                ConsumerMain.class.getName(),
                TestRedis.url(),
                prefix,
                session,
                Long.toString(claimedAt.toEpochMilli()),
                driver().name())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
      consumer.destroyForcibly();
      consumer.waitFor();
    }
    assertThat(line).startsWith("CLAIMED ");
    String[] words = line.split(" ");
    String deadKey = words[1];
    String deadToken = words[2];
    Instant deadVisibleUntil = Instant.ofEpochMilli(Long.parseLong(words[3]));
    assertThat(deadKey).isEqualTo(messages.get(0).key().value());
    assertThat(consumer.isAlive()).isFalse();

    // then the others drain, the dead consumer's message stays hidden until its claim times out
    Map<String, Integer> completions = new HashMap<>();
    Instant beforeTimeout = deadVisibleUntil.minusSeconds(1);
    drain(session, beforeTimeout, completions);
    assertThat(completions).hasSize(4).doesNotContainKey(deadKey);
    assertThat(queue.counts(session, beforeTimeout)).isEqualTo(new QueueCounts(0, 0, 1, 0));

    // and after the timeout it is claimable again, flagged as a send of unknown outcome
    Optional<Claim> again = queue.claimNext(session, deadVisibleUntil);
    assertThat(again).isPresent();
    assertThat(again.get().message()).isEqualTo(messages.get(0));
    assertThat(again.get().sendStarted()).isTrue();
    assertThat(queue.complete(again.get(), deadVisibleUntil)).isTrue();
    completions.merge(deadKey, 1, Integer::sum);

    // and the dead consumer's claim can no longer finish it, so it is delivered exactly once
    Claim deadClaim = new Claim(messages.get(0), 0, false, deadToken, deadVisibleUntil);
    assertThat(queue.complete(deadClaim, deadVisibleUntil.plusSeconds(1))).isFalse();
    assertThat(completions).hasSize(5).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
    assertThat(queue.claimNext(session, deadVisibleUntil.plusSeconds(3600))).isEmpty();
    assertThat(queue.enqueue(messages.get(0), deadVisibleUntil.plusSeconds(2))).isFalse();
  }

  private void drain(String session, Instant at, Map<String, Integer> completions) {
    Optional<Claim> claim;
    while ((claim = queue.claimNext(session, at)).isPresent()) {
      assertThat(queue.complete(claim.get(), at)).isTrue();
      completions.merge(claim.get().message().key().value(), 1, Integer::sum);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
