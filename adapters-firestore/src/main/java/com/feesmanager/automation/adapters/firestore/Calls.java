package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Firestore reads with a deadline per attempt, retries transient failures with backoff, and
 * after a read that failed every attempt answers at once for a while (a circuit breaker), so that
 * during an outage each read falls back to the cache without waiting.
 */
final class Calls {

  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  /** A transient failure: retried, then reported as the store being unavailable. */
  static class Transient extends StoreUnavailable {
    private static final long serialVersionUID = 1L;

    Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * An attempt that got no answer in time: not retried at once (a server that is frozen or cut off
   * does not answer 100 ms later either), so an outage costs one timeout before the breaker opens
   * and the cache serves.
   */
  static final class TimedOut extends Transient {
    private static final long serialVersionUID = 1L;

    TimedOut(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The deadline of the one read that tries Firestore again after the breaker was open. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Duration timeout;
  private final CircuitBreaker<Object> breaker;
  private final FailsafeExecutor<Object> reads;

  Calls(Duration timeout, int attempts, Duration backoff, Duration openFor) {
    this.timeout = timeout;
    RetryPolicy<Object> retry =
        RetryPolicy.builder()
            .handleIf(failure -> failure instanceof Transient && !(failure instanceof TimedOut))
            .withMaxAttempts(attempts)
            .withBackoff(backoff, backoff.multipliedBy(8))
            .withJitter(0.2)
            .build();
    this.breaker =
        CircuitBreaker.<Object>builder()
            .handle(Transient.class)
            .withFailureThreshold(1)
            .withSuccessThreshold(1)
            .withDelay(openFor)
            .build();
    this.reads = Failsafe.with(breaker).compose(retry);
  }

  /**
   * The value of one read, retried; {@link StoreUnavailable} when it cannot be had. Any {@link
   * Future} will do: the gRPC client's {@code ApiFuture}s and the REST client's {@code
   * CompletableFuture}s alike (so a REST read loads no gRPC type).
   */
  <T> T read(String what, Supplier<? extends Future<T>> call) {
    long started = System.nanoTime();
    try {
      // the read that tries again after an outage must answer quickly, or the cache goes on serving
      T value =
          reads.get(() -> await(what, call.get(), breaker.isHalfOpen() ? PROBE_TIMEOUT : timeout));
      if (LOG.isDebugEnabled()) {
        // the lateness timeline (scripts/lateness-timeline.sh): which reads a send waits on
        LOG.debug("firestore read {} took {} ms", what, (System.nanoTime() - started) / 1_000_000);
      }
      return value;
    } catch (CircuitBreakerOpenException open) {
      throw new Transient("Firestore unavailable (recent reads failed) reading " + what, open);
    } catch (FailsafeException wrapped) {
      throw new StoreUnavailable("cannot read " + what + ": " + wrapped.getMessage(), wrapped);
    }
  }

  /** Whether a recent read failed every attempt, so reads now fail at once for a while. */
  boolean recentlyFailed() {
    return breaker.isOpen();
  }

  /** Counts a read done outside {@link #read} (a stream) that failed every attempt. */
  void failed() {
    breaker.recordFailure();
  }

  /** The value of one call, once, within the deadline. */
  <T> T await(String what, Future<T> future) {
    return await(what, future, timeout);
  }

  /** The value of one call, once, within {@code deadline} (a caller with less time than usual). */
  <T> T await(String what, Future<T> future, Duration deadline) {
    Duration timeout = deadline.compareTo(this.timeout) < 0 ? deadline : this.timeout;
    try {
      return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new StoreUnavailable("interrupted while reading " + what, e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TimedOut("Firestore did not answer within " + timeout + " (" + what + ")", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String line = "Firestore failed (" + what + "): " + Failures.describe(cause);
      if (Failures.isTransient(cause)) {
        throw new Transient(line, cause);
      }
      throw new StoreUnavailable(line, cause);
    }
  }
}
