package com.feesmanager.automation.adapters.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One numbered database of the tests' Redis ({@code REDIS_URL}, default {@code
 * redis://127.0.0.1:6379}), for process-level tests that hand a URL to a runner. Several builds on
 * one machine can each point {@code REDIS_URL} at a server of their own, so their flushes do not
 * meet.
 */
public final class TestRedisDatabase {

  private TestRedisDatabase() {}

  /** The URL of {@code database} on the tests' Redis. */
  public static String url(int database) {
    URI base = URI.create(TestRedis.url());
    return "redis://" + base.getHost() + ":" + port(base) + "/" + database;
  }

  /** Empties {@code database}; fails when the server does not answer {@code +OK}. */
  public static void flush(int database) {
    URI base = URI.create(TestRedis.url());
    try (Socket socket = new Socket(base.getHost(), port(base))) {
      socket
          .getOutputStream()
          .write(
              ("SELECT " + database + "\r\nFLUSHDB\r\nQUIT\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!reply.startsWith("+OK")) {
        throw new IllegalStateException("FLUSHDB " + database + " answered " + reply);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(URI base) {
    return base.getPort() < 0 ? 6379 : base.getPort();
  }
}
