package com.feesmanager.automation.runner.daemon.metrics;

import com.feesmanager.automation.ports.out.QueueCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue gauges (ready, delayed, in flight, dead per session): the counts are asked once per
 * scrape; a session's gauges are registered the first time it has counts.
 */
final class QueueGauges {

  // the daemon's metrics logger: operators filter on it
  private static final Logger LOG = LoggerFactory.getLogger(DaemonMetrics.class);

  private final MeterRegistry registry;
  private final AtomicReference<Supplier<Map<String, QueueCounts>>> source =
      new AtomicReference<>(Map::of);
  private final AtomicReference<Map<String, QueueCounts>> queues = new AtomicReference<>(Map.of());
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  QueueGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  void watch(Supplier<Map<String, QueueCounts>> counts) {
    source.set(Objects.requireNonNull(counts, "'source' must not be null"));
  }

  /** Forgets sessions outside {@code kept} (their meters are removed by the caller). */
  void retain(Set<String> kept) {
    sessions.retainAll(kept);
  }

  /** Reads the counts; a failure keeps the last ones and is logged. */
  void refresh() {
    Map<String, QueueCounts> counts;
    try {
      counts = Map.copyOf(source.get().get());
    } catch (RuntimeException e) {
      LOG.warn("queue counts unavailable for metrics, keeping the last ones: {}", e.toString());
      return;
    }
    queues.set(counts);
    for (String session : counts.keySet()) {
      if (sessions.add(session)) {
        gauge("fees.queue.ready", "Messages ready to send", session, QueueCounts::ready);
        gauge("fees.queue.delayed", "Messages waiting for a time", session, QueueCounts::delayed);
        gauge("fees.queue.in.flight", "Messages taken by a worker", session, QueueCounts::inFlight);
        gauge("fees.queue.dead", "Messages in the dead-letter set", session, QueueCounts::dead);
      }
    }
  }

  private void gauge(
      String name, String description, String session, ToLongFunction<QueueCounts> count) {
    Gauge.builder(
            name, queues, q -> count.applyAsLong(q.get().getOrDefault(session, QueueCounts.EMPTY)))
        .description(description)
        .tags("session", session)
        .register(registry);
  }
}
