package com.feesmanager.automation.runner.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.GatewayReport;
import com.feesmanager.automation.ports.in.CheckGatewayUseCase.SessionReport;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.Outcome;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meters of SPEC §8 under the names docs/operations-metrics.md gives. */
class DaemonMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final MessageKey KEY = new MessageKey("0123456789abcdef0123456789abcdef");

  private final DaemonMetrics metrics = new DaemonMetrics();

  @Test
  void fire_reports_count_fired_missed_and_invalid_occurrences_and_queued_messages() {
    metrics.recordFire(
        new FireReport(
            List.of(
                occurrence("uid-1", Outcome.FIRED, 5, 2),
                occurrence("uid-1", Outcome.MISSED, 0, 0),
                occurrence("uid-2", Outcome.INVALID_RULE, 0, 0),
                occurrence("uid-2", Outcome.ALREADY_CLAIMED, 0, 0)),
            List.of(),
            Map.of()));

    assertThat(metrics.scrape())
        .contains("fees_occurrences_fired_total{account=\"uid-1\"} 1.0")
        .contains("fees_occurrences_missed_total{account=\"uid-1\"} 1.0")
        .contains("fees_occurrences_invalid_total{account=\"uid-2\"} 1.0")
        .contains("fees_messages_queued_total{account=\"uid-1\"} 5.0")
        .contains("fees_messages_skipped_total{account=\"uid-1\",reason=\"AT_FIRE\"} 2.0");
  }

  @Test
  void delivery_steps_count_by_outcome_and_idle_counts_nothing() {
    metrics.recordStep(new DeliveryStep.Idle());
    metrics.recordStep(new DeliveryStep.Retrying("uid-1", KEY, NOW, "GATEWAY_ERROR"));
    metrics.recordStep(new DeliveryStep.Held("uid-1", KEY, "SESSION_DOWN"));
    metrics.recordStep(new DeliveryStep.Waiting("uid-1", KEY, NOW, "QUIET_HOURS"));

    assertThat(metrics.scrape())
        .contains("fees_messages_retried_total{account=\"uid-1\"} 1.0")
        .contains("fees_messages_held_total{account=\"uid-1\",reason=\"SESSION_DOWN\"} 1.0")
        .contains("fees_messages_waiting_total{account=\"uid-1\",reason=\"QUIET_HOURS\"} 1.0")
        .doesNotContain("fees_messages_sent_total");
  }

  @Test
  void delivery_steps_are_counted_per_account_of_the_message_not_per_session() {
    // two accounts sharing one WhatsApp session
    metrics.recordStep(new DeliveryStep.Sent("uid-1", KEY));
    metrics.recordStep(new DeliveryStep.Sent("uid-2", KEY));
    metrics.recordStep(new DeliveryStep.Sent("uid-2", KEY));

    assertThat(metrics.scrape())
        .contains("fees_messages_sent_total{account=\"uid-1\"} 1.0")
        .contains("fees_messages_sent_total{account=\"uid-2\"} 2.0");
  }

  @Test
  void gateway_reports_set_the_session_gauges_and_follow_changes() {
    metrics.recordGateway(report(SessionState.NEEDS_SCAN));
    assertThat(metrics.scrape())
        .contains("fees_gateway_session_connected{session=\"default\"} 0.0")
        .contains("fees_gateway_session_state{session=\"default\",state=\"NEEDS_SCAN\"} 1.0")
        .contains("fees_gateway_session_state{session=\"default\",state=\"CONNECTED\"} 0.0");

    metrics.recordGateway(report(SessionState.CONNECTED));
    assertThat(metrics.scrape())
        .contains("fees_gateway_session_connected{session=\"default\"} 1.0")
        .contains("fees_gateway_session_state{session=\"default\",state=\"NEEDS_SCAN\"} 0.0")
        .contains("fees_gateway_session_state{session=\"default\",state=\"CONNECTED\"} 1.0");
  }

  @Test
  void queue_gauges_follow_the_source_and_keep_the_last_counts_when_it_fails() {
    AtomicReference<Map<String, QueueCounts>> source =
        new AtomicReference<>(Map.of("default", new QueueCounts(4, 0, 0, 1)));
    metrics.watchQueues(
        () -> {
          Map<String, QueueCounts> counts = source.get();
          if (counts == null) {
            throw new IllegalStateException("redis down");
          }
          return counts;
        });
    assertThat(metrics.scrape()).contains("fees_queue_ready{session=\"default\"} 4.0");

    source.set(Map.of("default", new QueueCounts(1, 0, 0, 1), "other", QueueCounts.EMPTY));
    assertThat(metrics.scrape())
        .contains("fees_queue_ready{session=\"default\"} 1.0")
        .contains("fees_queue_ready{session=\"other\"} 0.0");

    source.set(null);
    assertThat(metrics.scrape()).contains("fees_queue_ready{session=\"default\"} 1.0");
  }

  @Test
  void the_timed_gateway_records_each_send_by_outcome_and_passes_results_through() {
    SendResult sent = new SendResult.Sent("true_1@c.us_AB", false);
    WhatsAppGateway timed = metrics.timed(gateway(sent));

    assertThat(timed.send("default", new PhoneNumber("923001234567"), "hi")).isEqualTo(sent);
    assertThat(timed.sessionState("default")).isEqualTo(SessionState.CONNECTED);

    assertThat(metrics.scrape())
        .contains("fees_send_latency_seconds_count{outcome=\"Sent\",session=\"default\"} 1");
  }

  @Test
  void tick_durations_and_receipts_are_recorded() {
    metrics.recordTick(Duration.ofMillis(250));
    metrics.recordReceipt(Receipt.DELIVERED, ReceiptOutcome.APPLIED);

    assertThat(metrics.scrape())
        .contains("fees_tick_duration_seconds_count 1")
        .contains("fees_tick_duration_seconds_sum 0.25")
        .contains("fees_receipts_total{outcome=\"APPLIED\",receipt=\"DELIVERED\"} 1.0");
  }

  @Test
  void accounts_and_sessions_no_longer_served_lose_their_labels_and_may_come_back() {
    // given meters for two accounts and two sessions
    metrics.recordStep(new DeliveryStep.Sent("uid-1", KEY));
    metrics.recordStep(new DeliveryStep.Sent("uid-2", KEY));
    metrics.recordStep(new DeliveryStep.Held("uid-2", KEY, "SESSION_DOWN"));
    metrics.recordSessionState("default", SessionState.CONNECTED);
    metrics.recordSessionState("gone", SessionState.CONNECTED);
    metrics.recordSendLatency("gone", "Sent", Duration.ofMillis(80));
    AtomicReference<Map<String, QueueCounts>> queues =
        new AtomicReference<>(Map.of("default", QueueCounts.EMPTY, "gone", QueueCounts.EMPTY));
    metrics.watchQueues(queues::get);
    assertThat(metrics.scrape()).contains("uid-2").contains("session=\"gone\"");

    // when uid-2 (on session "gone") is switched off
    queues.set(Map.of("default", QueueCounts.EMPTY));
    metrics.retain(Set.of("uid-1"), Set.of("default"));

    // then its labels are gone, the others stay
    String scrape = metrics.scrape();
    assertThat(scrape)
        .doesNotContain("uid-2")
        .doesNotContain("session=\"gone\"")
        .contains("fees_messages_sent_total{account=\"uid-1\"} 1.0")
        .contains("fees_gateway_session_connected{session=\"default\"} 1.0")
        .contains("fees_queue_ready{session=\"default\"} 0.0");

    // and a session served again is measured again
    metrics.recordSessionState("gone", SessionState.NEEDS_SCAN);
    assertThat(metrics.scrape())
        .contains("fees_gateway_session_state{session=\"gone\",state=\"NEEDS_SCAN\"} 1.0");
  }

  private static OccurrenceReport occurrence(String uid, Outcome outcome, int queued, int skipped) {
    return new OccurrenceReport(
        uid, "rule-1", "2026-11-25T10:00", outcome, queued + skipped, queued, skipped, List.of());
  }

  private static GatewayReport report(SessionState state) {
    return new GatewayReport(
        List.of(
            new SessionReport(
                "default", List.of("uid-1"), state, NOW, Optional.empty(), true, false)));
  }

  private static WhatsAppGateway gateway(SendResult result) {
    return new WhatsAppGateway() {
      @Override
      public SendResult send(String session, PhoneNumber to, String text) {
        return result;
      }

      @Override
      public SessionState sessionState(String session) {
        return SessionState.CONNECTED;
      }

      @Override
      public SessionState startSession(String session) {
        return SessionState.CONNECTED;
      }

      @Override
      public NumberCheck checkNumber(String session, PhoneNumber number) {
        return new NumberCheck.DoesNotExist();
      }

      @Override
      public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
        return new SentLookup.NotFound();
      }

      @Override
      public ConnectionCheck checkConnection(String session) {
        return ConnectionCheck.ALIVE;
      }

      @Override
      public boolean closeSession(String session) {
        return true;
      }
    };
  }

  @Test
  void the_scrape_is_prometheus_text_with_the_documented_names() {
    MessageKey key = new MessageKey("0123456789abcdef0123456789abcdef");
    metrics.recordStep(new DeliveryStep.Sent("uid-1", key));
    metrics.recordStep(new DeliveryStep.Failed("uid-1", key, "NOT_ON_WHATSAPP"));
    metrics.recordStep(new DeliveryStep.Dead("uid-1", key, "GATEWAY_ERROR"));
    metrics.recordStep(new DeliveryStep.Skipped("uid-1", key, "PAID_SINCE_QUEUED"));
    metrics.recordTick(Duration.ofMillis(40));
    metrics.recordSendLatency("default", "Sent", Duration.ofMillis(120));
    metrics.recordSessionState("default", SessionState.CONNECTED);
    metrics.recordSessionState("other", SessionState.CLOSED);
    metrics.recordReceipt(Receipt.READ, ReceiptOutcome.APPLIED);
    metrics.watchQueues(() -> Map.of("default", new QueueCounts(3, 2, 1, 0)));

    assertThat(metrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.scrape())
        .contains("fees_messages_sent_total{account=\"uid-1\"} 1.0")
        .contains("fees_messages_failed_total{account=\"uid-1\"} 1.0")
        .contains("fees_messages_dead_total{account=\"uid-1\"} 1.0")
        .contains("fees_messages_skipped_total{account=\"uid-1\",reason=\"PAID_SINCE_QUEUED\"} 1.0")
        .contains("fees_tick_duration_seconds_count 1")
        .contains("fees_send_latency_seconds_count{outcome=\"Sent\",session=\"default\"} 1")
        .contains("fees_gateway_session_connected{session=\"default\"} 1.0")
        .contains("fees_gateway_session_state{session=\"default\",state=\"CONNECTED\"} 1.0")
        .contains("fees_gateway_session_connected{session=\"other\"} 0.0")
        .contains("fees_gateway_session_state{session=\"other\",state=\"CLOSED\"} 1.0")
        .contains("fees_receipts_total{outcome=\"APPLIED\",receipt=\"READ\"} 1.0")
        .contains("fees_queue_ready{session=\"default\"} 3.0")
        .contains("fees_queue_delayed{session=\"default\"} 2.0")
        .contains("fees_queue_in_flight{session=\"default\"} 1.0")
        .contains("fees_queue_dead{session=\"default\"} 0.0");
  }
}
