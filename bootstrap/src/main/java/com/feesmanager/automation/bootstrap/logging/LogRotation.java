package com.feesmanager.automation.bootstrap.logging;

/**
 * How {@code LOG_FILE} rolls over: at midnight and whenever it reaches {@code maxFileBytes}, the
 * rolled files gzipped beside it, kept for {@code maxDays} days and never more than {@code
 * totalCapBytes} together (the oldest go first).
 */
public record LogRotation(long maxFileBytes, int maxDays, long totalCapBytes) {

  /**
   * 10 MiB a file, 14 days, 100 MiB in all: two weeks of a busy daemon's INFO lines, a small
   * fraction of a droplet's disk (docs/configuration.md, {@code LOG_FILE}).
   */
  public static final LogRotation DEFAULT = new LogRotation(10L << 20, 14, 100L << 20);

  public LogRotation {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("'maxFileBytes' must be positive");
    }
    if (maxDays < 1) {
      throw new IllegalArgumentException("'maxDays' must be positive");
    }
    if (totalCapBytes < maxFileBytes) {
      throw new IllegalArgumentException("'totalCapBytes' must be at least 'maxFileBytes'");
    }
  }
}
