package com.feesmanager.automation.adapters.wppconnect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;

/**
 * One shared {@link HttpClient} with a bound on simultaneous exchanges (the JDK client has no pool
 * limit of its own) and a hard deadline on each, and the one place that decides whether a failed
 * exchange could have reached the server.
 */
final class HttpTransport implements AutoCloseable {

  // The JDK's own timeout fires first; this margin only catches a client that never completes.
  private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);

  private final ExecutorService executor;
  private final HttpClient client;
  private final Semaphore connections;
  private final int maxConnections;
  private final Duration timeout;

  HttpTransport(WppConnectConfig config) {
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // wppconnect-server speaks HTTP/1.1; no h2c upgrade attempts on every request
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor);
    if (plainHttp(config)) {
      builder.sslContext(PlainHttpTls.context());
    }
    this.client = builder.build();
    this.maxConnections = config.maxConnections();
    this.connections = new Semaphore(maxConnections, true);
    this.timeout = config.timeout();
  }

  /** An {@code http://} server: no TLS, so not the JDK's default context with its trust store. */
  static boolean plainHttp(WppConnectConfig config) {
    return "http".equalsIgnoreCase(config.serverUrl().getScheme());
  }

  /** The JDK client, for tests of how it is built. */
  HttpClient client() {
    return client;
  }

  /** Sends {@code request} (which carries the timeout) and tells how it ended; never throws. */
  Exchange exchange(HttpRequest request) {
    try {
      if (!connections.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return new Exchange.NotWritten(
            "all "
                + maxConnections
                + " connections to wppconnect-server stayed busy for "
                + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Exchange.NotWritten("interrupted while waiting for a free connection");
    }
    try {
      CompletableFuture<HttpResponse<byte[]>> reply =
          client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
      try {
        HttpResponse<byte[]> response =
            reply.get(timeout.plus(DEADLINE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        return new Exchange.Replied(response.statusCode(), response.body());
      } catch (TimeoutException e) {
        reply.cancel(true);
        return new Exchange.Lost("no reply within " + timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply.cancel(true);
        return new Exchange.Lost("interrupted while waiting for the reply");
      } catch (ExecutionException e) {
        return failed(e.getCause() == null ? e : e.getCause());
      }
    } finally {
      connections.release();
    }
  }

  /** Refused, unresolvable, unroutable, connect timeout or TLS handshake: nothing was written. */
  static Exchange failed(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return new Exchange.NotWritten("connect timed out");
    }
    if (failure instanceof HttpTimeoutException) {
      return new Exchange.Lost("no reply within the timeout (" + failure.getMessage() + ")");
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return new Exchange.NotWritten("cannot resolve the server's host name");
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException) {
        return new Exchange.NotWritten("connect timed out");
      }
      if (cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof SSLHandshakeException) {
        return new Exchange.NotWritten("cannot connect: " + describe(cause));
      }
    }
    if (failure instanceof IOException) {
      return new Exchange.Lost(
          "connection failed after the request was sent: " + describe(failure));
    }
    return new Exchange.Lost("exchange failed: " + describe(failure));
  }

  // Class and message only: the JDK's messages name no URI, and the URI may hold the secret key.
  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + Details.safe(message);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "wppconnect-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
