package com.feesmanager.automation.runner.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.feesmanager.automation.bootstrap.Tick;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A function platform's entry point (AWS Lambda's {@link RequestHandler}): one tick per invocation,
 * answering {@code {exitCode, occurrences, sent, skipped, failed, dead, held, waiting}} and {@code
 * error} when the tick could not run. Input (all optional): {@code at} (ISO date-time to fire for)
 * and {@code maxSeconds}; the budget is also cut to the invocation's remaining time minus five
 * seconds.
 */
public final class TickHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final Map<String, String> environment;

  /** The platform's constructor: configuration from the process environment. */
  public TickHandler() {
    this(System.getenv());
  }

  TickHandler(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Optional<Duration> remaining =
        Optional.ofNullable(context).map(c -> Duration.ofMillis(c.getRemainingTimeInMillis()));
    TickRequest request;
    try {
      request = TickRequest.from(input == null ? Map.of() : input, remaining);
    } catch (IllegalArgumentException e) {
      return Map.of("exitCode", 2, "error", e.getMessage());
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      return Tick.run(environment, request.clock(), request.budget(), out).toMap();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("exitCode", 1, "error", "interrupted");
    }
  }
}
