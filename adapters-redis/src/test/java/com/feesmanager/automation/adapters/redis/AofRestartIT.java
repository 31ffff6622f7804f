package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis started with {@code appendonly yes} and {@code appendfsync always} is killed (SIGKILL)
 * and restarted: no ready, delayed or in-flight message is lost, and FIFO order holds; stopped
 * under an open connection and back a second later, it answers the call made in between.
 */
class AofRestartIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  /** How long Redis is away in the restart test. */
  private static final Duration AWAY = Duration.ofSeconds(1);

  private Path dir;
  private RedisServerProcess server;

  @BeforeEach
  void startServer() throws Exception {
    dir = Files.createTempDirectory("fm-redis-aof");
    server = RedisServerProcess.start(dir, "--appendonly", "yes", "--appendfsync", "always");
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    RedisServerProcess.deleteTree(dir);
  }

  @Test
  void afterAKillAndRestart_readyDelayedAndInFlightMessagesAreAllStillThere() throws Exception {
    // given six messages: three ready, two delayed ten minutes, one in flight
    String prefix = TestRedis.prefix();
    String session = Unique.name("session");
    List<QueuedMessage> messages = new ArrayList<>();
    Instant at = T0.plusSeconds(10);
    try (RedisConnection connection = open(prefix)) {
      RedisMessageQueue queue = TestRedis.queue(connection, prefix);
      for (int i = 0; i < 6; i++) {
        QueuedMessage message =
            aQueuedMessage().inSession(session).enqueuedAt(T0.plusSeconds(i)).build();
        assertThat(queue.enqueue(message, T0.plusSeconds(i))).isTrue();
        messages.add(message);
      }
      Instant readyAt = at.plus(Duration.ofMinutes(10));
      assertThat(queue.release(queue.claimNext(session, at).orElseThrow(), readyAt, true)).isTrue();
      assertThat(queue.release(queue.claimNext(session, at).orElseThrow(), readyAt, false))
          .isTrue();
      assertThat(queue.claimNext(session, at)).isPresent();
      assertThat(queue.counts(session, at)).isEqualTo(new QueueCounts(3, 2, 1, 0));
    }

    // when Redis dies without warning and comes back
    server.kill();
    server.startProcess();

    // then every message is there, in its state, and drains in FIFO order
    try (RedisConnection connection = open(prefix)) {
      RedisMessageQueue queue = TestRedis.queue(connection, prefix);
      assertThat(queue.counts(session, at)).isEqualTo(new QueueCounts(3, 2, 1, 0));
      assertThat(queue.sessions()).containsExactly(session);
      Instant later = at.plus(TestRedis.VISIBILITY).plus(Duration.ofMinutes(10));
      List<QueuedMessage> drained = new ArrayList<>();
      List<Integer> attempts = new ArrayList<>();
      Optional<Claim> claim;
      while ((claim = queue.claimNext(session, later)).isPresent()) {
        drained.add(claim.get().message());
        attempts.add(claim.get().attemptsMade());
        assertThat(queue.complete(claim.get(), later)).isTrue();
      }
      assertThat(drained).containsExactlyElementsOf(messages);
      assertThat(attempts).containsExactly(1, 0, 0, 0, 0, 0);
    }
  }

  /**
   * Redis stops (SIGTERM, as a deploy or a service restart does) and is back a second later while a
   * caller keeps its connection: a call made in between is answered once Redis is back, within the
   * call's bound, rather than failing (on Lettuce the command waits for the reconnect; on Jedis it
   * is tried again, past the pooled connections the old server closed).
   */
  @Test
  void aCallWhileRedisRestarts_isAnsweredOnceItIsBack() throws Exception {
    // given a queue in use: its connections are open
    String prefix = TestRedis.prefix();
    String session = Unique.name("session");
    try (RedisConnection connection = open(prefix)) {
      RedisMessageQueue queue = TestRedis.queue(connection, prefix);
      assertThat(queue.enqueue(aQueuedMessage().inSession(session).build(), T0)).isTrue();

      // when Redis stops, and starts again a second later
      server.terminate();
      CompletableFuture<Void> back =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(AWAY.toMillis());
                  server.restart();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long started = System.nanoTime();
      boolean enqueued = queue.enqueue(aQueuedMessage().inSession(session).build(), T0);
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      back.get(30, TimeUnit.SECONDS);

      // then the call made while it was away went through once it was back
      assertThat(enqueued).isTrue();
      assertThat(waited).isGreaterThanOrEqualTo(AWAY.minusMillis(200));
      assertThat(queue.counts(session, T0)).isEqualTo(new QueueCounts(2, 0, 0, 0));
    }
  }

  private RedisConnection open(String prefix) {
    return RedisConnection.open(
        RedisSettings.of(server.url()).withPrefix(prefix).withDriver(driver()));
  }

  private RedisDriver driver() {
    return TestRedis.driverOf(getClass());
  }
}
