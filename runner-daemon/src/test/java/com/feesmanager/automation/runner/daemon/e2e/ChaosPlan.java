package com.feesmanager.automation.runner.daemon.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one chaos run does (issue 13), from system properties so that the same suite runs short in
 * the build and in full from {@code scripts/chaos.sh}. The defaults are the short version.
 */
record ChaosPlan(
    List<Integer> scenarios,
    int recipients,
    int kills,
    int redisRestarts,
    boolean redisKill,
    List<String> gatewayFaults,
    Duration freeze,
    Duration crowd,
    Optional<Duration> visibilityTimeout,
    long seed) {

  /** Every gateway fault scenario 3 knows, in the order it injects them. */
  static final List<String> ALL_GATEWAY_FAULTS =
      List.of("500-before", "500-after", "slow", "token", "gone", "closed");

  ChaosPlan {
    scenarios = List.copyOf(scenarios);
    gatewayFaults = List.copyOf(gatewayFaults);
    if (!ALL_GATEWAY_FAULTS.containsAll(gatewayFaults)) {
      throw new IllegalArgumentException(
          "chaos.gatewayFaults: each of " + ALL_GATEWAY_FAULTS + ", found " + gatewayFaults);
    }
  }

  /** The plan the system properties describe ({@code chaos.*}); unset ones take the short value. */
  static ChaosPlan fromSystemProperties() {
    String faults = System.getProperty("chaos.gatewayFaults", "500-after");
    return new ChaosPlan(
        Arrays.stream(System.getProperty("chaos.scenarios", "1,2,3").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .toList(),
        Integer.getInteger("chaos.recipients", 100),
        Integer.getInteger("chaos.kills", 3),
        Integer.getInteger("chaos.redisRestarts", 1),
        Boolean.parseBoolean(System.getProperty("chaos.redisKill", "false")),
        faults.equals("all") ? ALL_GATEWAY_FAULTS : List.of(faults.split(",")),
        Duration.ofSeconds(Integer.getInteger("chaos.freezeSeconds", 90)),
        Duration.ofSeconds(Integer.getInteger("chaos.crowdSeconds", 90)),
        // the short version lets a message killed mid-send come back sooner than the default 2 min
        Optional.of(System.getProperty("chaos.visibilityTimeout", "PT45S"))
            .filter(value -> !value.equals("default"))
            .map(Duration::parse),
        Long.getLong("chaos.seed", System.nanoTime()));
  }
}
