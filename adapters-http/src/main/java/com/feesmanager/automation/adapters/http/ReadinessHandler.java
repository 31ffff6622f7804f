package com.feesmanager.automation.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /health/ready}: every check at once, each within the timeout; 200 when all are up, 503
 * naming the ones that are down.
 */
final class ReadinessHandler implements Route.Handler {

  private final List<ReadinessCheck.Named> checks;
  private final Duration checkTimeout;
  private final ExecutorService runner;

  ReadinessHandler(
      List<ReadinessCheck.Named> checks, Duration checkTimeout, ExecutorService runner) {
    this.checks = List.copyOf(checks);
    this.checkTimeout = checkTimeout;
    this.runner = runner;
  }

  @Override
  public void handle(HttpExchange exchange, String rest) throws IOException {
    Map<ReadinessCheck.Named, Future<ReadinessCheck.Result>> running = new LinkedHashMap<>();
    for (ReadinessCheck.Named check : checks) {
      running.put(check, runner.submit(() -> check.check().check()));
    }
    long deadline = System.nanoTime() + checkTimeout.toNanos();
    Map<String, ReadinessCheck.Result> results = new LinkedHashMap<>();
    for (Map.Entry<ReadinessCheck.Named, Future<ReadinessCheck.Result>> entry :
        running.entrySet()) {
      results.put(entry.getKey().name(), outcome(entry.getValue(), deadline));
    }
    boolean allUp = results.values().stream().allMatch(ReadinessCheck.Result::up);
    Responses.json(exchange, allUp ? 200 : 503, ReadinessJson.of(results));
  }

  private ReadinessCheck.Result outcome(Future<ReadinessCheck.Result> future, long deadline) {
    try {
      ReadinessCheck.Result result =
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return result == null ? ReadinessCheck.Result.down("no result") : result;
    } catch (TimeoutException e) {
      future.cancel(true);
      return ReadinessCheck.Result.down("no answer within " + checkTimeout);
    } catch (ExecutionException e) {
      return ReadinessCheck.Result.down(e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return ReadinessCheck.Result.down("interrupted");
    }
  }
}
