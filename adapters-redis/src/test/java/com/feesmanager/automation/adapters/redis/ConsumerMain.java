package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.MessageQueue;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A consumer process for {@link KilledConsumerIT}: claims one message, marks its send started,
 * reports the claim on stdout, then hangs until it is killed.
 */
public final class ConsumerMain {

  private ConsumerMain() {}

  /**
   * Arguments: REDIS_URL, key prefix, session, now (epoch millis), client ({@link RedisDriver}).
   */
  public static void main(String[] args) throws InterruptedException {
    RedisConnection connection =
        RedisConnection.open(
            RedisSettings.of(args[0]).withPrefix(args[1]).withDriver(RedisDriver.valueOf(args[4])));
    MessageQueue queue = connection.messageQueue();
    Instant now = Instant.ofEpochMilli(Long.parseLong(args[3]));
    Optional<Claim> claim = queue.claimNext(args[2], now);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (claim.isEmpty()) {
      out.println("NOTHING");
      return;
    }
    queue.markSending(claim.get(), now);
    out.println(
        "CLAIMED "
            + claim.get().message().key().value()
            + " "
            + claim.get().token()
            + " "
            + claim.get().visibleUntil().toEpochMilli());
    // In the middle of the message: the parent kills this process here.
    new CountDownLatch(1).await();
  }
}
