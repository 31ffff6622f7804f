package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stops (SIGTERM, as a deploy or a service restart does) and is back a second later, while a
 * caller keeps its connection: a call made in between is answered once Redis is back, within the
 * call's bound, rather than failing (on Lettuce the command waits for the reconnect; on Jedis it is
 * tried again, past the pooled connections the old server closed).
 */
class RedisRestartIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final Duration AWAY = Duration.ofSeconds(1);

  private Path dir;
  private RedisServerProcess server;

  @BeforeEach
  void startServer() throws Exception {
    dir = Files.createTempDirectory("fm-redis-restart");
    server = RedisServerProcess.start(dir, "--appendonly", "yes", "--appendfsync", "always");
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    RedisServerProcess.deleteTree(dir);
  }

  @Test
  void aCallWhileRedisRestarts_isAnsweredOnceItIsBack() throws Exception {
    // given a queue in use: its connections are open
    String prefix = TestRedis.prefix();
    String session = Unique.name("session");
    try (RedisConnection connection =
        RedisConnection.open(
            RedisSettings.of(server.url())
                .withPrefix(prefix)
                .withDriver(TestRedis.driverOf(getClass())))) {
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
}
