package com.feesmanager.automation.adapters.redis;

import java.time.Duration;
import java.time.Instant;

/** Instants and durations as the millisecond strings the scripts take. */
final class Millis {

  private Millis() {}

  static String of(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }

  /** Rounded up, so a gap or timeout is never shortened by the conversion. */
  static long ceil(Duration duration) {
    long millis = duration.toMillis();
    return duration.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  static Instant instant(Object millis) {
    return Instant.ofEpochMilli(Long.parseLong(String.valueOf(millis)));
  }
}
