package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.delivery.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The process-wide knobs of SPEC §7 that the use cases need. {@code occurrenceLease} bounds how
 * long a crashed firing blocks its occurrence; {@code holdDelay} is how long a held message waits
 * before the session is tried again; {@code sendGrace} is how long after a send began it is surely
 * over, at the client and at the server (twice {@code WPP_TIMEOUT}): a send without a reply is
 * asked for then.
 */
public record AutomationSettings(
    Duration misfireGrace,
    Duration occurrenceLease,
    Duration minSendInterval,
    RetryPolicy retry,
    Duration holdDelay,
    Duration sendGrace) {

  public AutomationSettings {
    Objects.requireNonNull(misfireGrace, "'misfireGrace' must not be null");
    Objects.requireNonNull(occurrenceLease, "'occurrenceLease' must not be null");
    Objects.requireNonNull(minSendInterval, "'minSendInterval' must not be null");
    Objects.requireNonNull(retry, "'retry' must not be null");
    Objects.requireNonNull(holdDelay, "'holdDelay' must not be null");
    Objects.requireNonNull(sendGrace, "'sendGrace' must not be null");
    if (misfireGrace.isNegative() || occurrenceLease.isNegative() || minSendInterval.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (holdDelay.isNegative() || holdDelay.isZero()) {
      throw new IllegalArgumentException("'holdDelay' must be positive");
    }
    if (sendGrace.isNegative() || sendGrace.isZero()) {
      throw new IllegalArgumentException("'sendGrace' must be positive");
    }
  }

  /** SPEC §7's defaults. */
  public static AutomationSettings defaults() {
    return new AutomationSettings(
        Duration.ofHours(6),
        Duration.ofMinutes(5),
        Duration.ofSeconds(3),
        new RetryPolicy(3, Duration.ofSeconds(30)),
        Duration.ofSeconds(30),
        sendGraceFor(Duration.ofSeconds(30)));
  }

  /**
   * Twice the gateway's reply timeout: a client gives up on its send by {@code wppTimeout} at the
   * latest, and a server still working on it as long again after that is not expected.
   */
  public static Duration sendGraceFor(Duration wppTimeout) {
    return wppTimeout.multipliedBy(2);
  }
}
