package com.feesmanager.automation.runner.daemon.metrics;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.SessionReport;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's meters (SPEC §8, documented in {@code docs/operations-metrics.md}): the daemon's
 * loops hand it what the use cases returned, and {@link #scrape()} renders Prometheus text.
 * Thread-safe.
 */
public final class DaemonMetrics {

  /** The Content-Type of {@link #scrape()}: Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  static final String AT_FIRE = "AT_FIRE";

  private static final Logger LOG = LoggerFactory.getLogger(DaemonMetrics.class);

  private final PrometheusMeterRegistry registry;
  private final AtomicReference<Supplier<Map<String, QueueCounts>>> queueSource =
      new AtomicReference<>(Map::of);
  private final AtomicReference<Map<String, QueueCounts>> queues = new AtomicReference<>(Map.of());
  private final Set<String> queueSessions = ConcurrentHashMap.newKeySet();
  private final Map<String, SessionState> sessionStates = new ConcurrentHashMap<>();

  /** Meters in a fresh Prometheus registry. */
  public DaemonMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Meters in the given registry (tests, or a registry shared with JVM binders). */
  public DaemonMetrics(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
  }

  /** The registry, e.g. to bind JVM meters to it. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts what one delivery step did, per account of its message; idle steps count nothing. */
  public void recordStep(DeliveryStep step) {
    Objects.requireNonNull(step, "'step' must not be null");
    if (!(step instanceof DeliveryStep.MessageStep message)) {
      return;
    }
    String account = message.uid();
    if (step instanceof DeliveryStep.Sent) {
      counter("fees.messages.sent", "account", account).increment();
    } else if (step instanceof DeliveryStep.Failed) {
      counter("fees.messages.failed", "account", account).increment();
    } else if (step instanceof DeliveryStep.Dead) {
      counter("fees.messages.dead", "account", account).increment();
    } else if (step instanceof DeliveryStep.Skipped skipped) {
      counter("fees.messages.skipped", "account", account, "reason", skipped.reason()).increment();
    } else if (step instanceof DeliveryStep.Retrying) {
      counter("fees.messages.retried", "account", account).increment();
    } else if (step instanceof DeliveryStep.Held held) {
      counter("fees.messages.held", "account", account, "reason", held.reason()).increment();
    } else if (step instanceof DeliveryStep.Waiting waiting) {
      counter("fees.messages.waiting", "account", account, "reason", waiting.reason()).increment();
    }
  }

  /**
   * Counts the occurrences a scheduler run fired or missed, the messages it queued and the students
   * it skipped while planning (reason {@code AT_FIRE}: the report does not break them down).
   */
  public void recordFire(FireReport report) {
    Objects.requireNonNull(report, "'report' must not be null");
    for (OccurrenceReport occurrence : report.occurrences()) {
      String account = occurrence.uid();
      switch (occurrence.outcome()) {
        case FIRED -> counter("fees.occurrences.fired", "account", account).increment();
        case MISSED -> counter("fees.occurrences.missed", "account", account).increment();
        case INVALID_RULE -> counter("fees.occurrences.invalid", "account", account).increment();
        default -> {
          // HOLIDAY, ALREADY_CLAIMED and DATA_UNAVAILABLE are normal or reported elsewhere
        }
      }
      if (occurrence.queued() > 0) {
        counter("fees.messages.queued", "account", account).increment(occurrence.queued());
      }
      if (occurrence.skipped() > 0) {
        counter("fees.messages.skipped", "account", account, "reason", AT_FIRE)
            .increment(occurrence.skipped());
      }
    }
  }

  /** Sets each session's status gauges from a gateway health check. */
  public void recordGateway(GatewayReport report) {
    Objects.requireNonNull(report, "'report' must not be null");
    for (SessionReport session : report.sessions()) {
      recordSessionState(session.session(), session.state());
    }
  }

  /** Sets one session's status gauges (also fed by the gateway's session webhook events). */
  public void recordSessionState(String session, SessionState state) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(state, "'state' must not be null");
    if (sessionStates.put(session, state) == null) {
      gauge(
          "fees.gateway.session.connected",
          "1 when the session can send, else 0",
          s -> s.getOrDefault(session, SessionState.UNREACHABLE).canSend() ? 1 : 0,
          "session",
          session);
      for (SessionState each : SessionState.values()) {
        gauge(
            "fees.gateway.session.state",
            "1 for the session's current state, 0 for the others",
            s -> s.get(session) == each ? 1 : 0,
            "session",
            session,
            "state",
            each.name());
      }
    }
  }

  /** Times one gateway send call of {@code session}, tagged with how it ended. */
  public void recordSendLatency(String session, String outcome, Duration duration) {
    Timer.builder("fees.send.latency")
        .description("Duration of gateway send calls")
        .tags("session", session, "outcome", outcome)
        .register(registry)
        .record(duration);
  }

  /** A gateway that times every send into {@code fees_send_latency_seconds}. */
  public WhatsAppGateway timed(WhatsAppGateway gateway) {
    return new TimedGateway(gateway, this);
  }

  /** Times one scheduler tick (fire due occurrences). */
  public void recordTick(Duration duration) {
    Objects.requireNonNull(duration, "'duration' must not be null");
    Timer.builder("fees.tick.duration")
        .description("Duration of one scheduler tick")
        .register(registry)
        .record(duration);
  }

  /** Counts one delivery receipt from the webhook and what applying it did. */
  public void recordReceipt(Receipt receipt, ReceiptOutcome outcome) {
    Objects.requireNonNull(receipt, "'receipt' must not be null");
    Objects.requireNonNull(outcome, "'outcome' must not be null");
    counter("fees.receipts", "receipt", receipt.name(), "outcome", outcome.name()).increment();
  }

  /**
   * Where the queue gauges read from: queue counts by session, asked once per scrape (a failure
   * keeps the last counts and is logged).
   */
  public void watchQueues(Supplier<Map<String, QueueCounts>> source) {
    queueSource.set(Objects.requireNonNull(source, "'source' must not be null"));
  }

  /**
   * Forgets the meters of accounts and sessions no longer served: every meter tagged with an {@code
   * account} not in {@code accounts} or a {@code session} not in {@code sessions} is removed, so
   * labels follow what the daemon serves, not everything it ever served. A label that comes back
   * starts again from zero (Prometheus reads that as a counter reset).
   */
  public void retain(Set<String> accounts, Set<String> sessions) {
    Set<String> keptAccounts = Set.copyOf(accounts);
    Set<String> keptSessions = Set.copyOf(sessions);
    sessionStates.keySet().retainAll(keptSessions);
    queueSessions.retainAll(keptSessions);
    for (Meter meter : registry.getMeters()) {
      String account = meter.getId().getTag("account");
      String session = meter.getId().getTag("session");
      if ((account != null && !keptAccounts.contains(account))
          || (session != null && !keptSessions.contains(session))) {
        registry.remove(meter);
      }
    }
  }

  /** Every meter in Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}). */
  public String scrape() {
    refreshQueues();
    return registry.scrape(CONTENT_TYPE);
  }

  private void refreshQueues() {
    Map<String, QueueCounts> counts;
    try {
      counts = Map.copyOf(queueSource.get().get());
    } catch (RuntimeException e) {
      LOG.warn("queue counts unavailable for metrics, keeping the last ones: {}", e.toString());
      return;
    }
    queues.set(counts);
    for (String session : counts.keySet()) {
      if (queueSessions.add(session)) {
        queueGauge("fees.queue.ready", "Messages ready to send", session, QueueCounts::ready);
        queueGauge(
            "fees.queue.delayed", "Messages waiting for a time", session, QueueCounts::delayed);
        queueGauge(
            "fees.queue.in.flight", "Messages taken by a worker", session, QueueCounts::inFlight);
        queueGauge(
            "fees.queue.dead", "Messages in the dead-letter set", session, QueueCounts::dead);
      }
    }
  }

  private void queueGauge(
      String name, String description, String session, ToLongFunction<QueueCounts> count) {
    Gauge.builder(
            name, queues, q -> count.applyAsLong(q.get().getOrDefault(session, QueueCounts.EMPTY)))
        .description(description)
        .tags("session", session)
        .register(registry);
  }

  private void gauge(
      String name,
      String description,
      ToDoubleFunction<Map<String, SessionState>> value,
      String... tags) {
    Gauge.builder(name, sessionStates, value)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private Counter counter(String name, String... tags) {
    return Counter.builder(name).tags(tags).register(registry);
  }
}
