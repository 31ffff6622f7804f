package com.feesmanager.automation.runner.daemon.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Micrometer's JVM (memory, GC, threads, classes), process (CPU, uptime, open files, resident
 * memory) and system (CPU count and usage, load average) meters, beside the daemon's own on {@code
 * /metrics} (docs/operations-metrics.md). Closing stops the GC listener.
 */
public final class SystemMeters implements AutoCloseable {

  /** Where Linux tells a process its resident set (in pages, the second field). */
  static final Path STATM = Path.of("/proc/self/statm");

  /** The usual Linux page size; statm counts in pages. */
  private static final long PAGE_BYTES = 4096;

  private final JvmGcMetrics gc;

  private SystemMeters(JvmGcMetrics gc) {
    this.gc = gc;
  }

  /** Binds every meter to {@code registry}. */
  public static SystemMeters bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "'registry' must not be null");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    if (Files.isReadable(STATM)) {
      // what a container's memory limit counts, which the JVM's own meters do not add up to
      Gauge.builder("process.resident.memory", STATM, SystemMeters::residentBytes)
          .description("Resident set size of the process (Linux /proc/self/statm)")
          .baseUnit("bytes")
          .register(registry);
    }
    return new SystemMeters(gc);
  }

  /** The resident bytes from a statm file, NaN when it cannot be read (Prometheus shows NaN). */
  static double residentBytes(Path statm) {
    try {
      String[] fields = Files.readString(statm, StandardCharsets.US_ASCII).trim().split("\\s+");
      return Long.parseLong(fields[1]) * PAGE_BYTES;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    gc.close();
  }
}
