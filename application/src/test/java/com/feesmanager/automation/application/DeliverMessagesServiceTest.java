package com.feesmanager.automation.application;

import static com.feesmanager.automation.application.Fixtures.SESSION;
import static com.feesmanager.automation.application.Fixtures.UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.delivery.FailureKind;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RetryPolicy;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.PauseCommand;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SendTimeReads;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class DeliverMessagesServiceTest {

  // 2026-11-20 12:00 in Karachi.
  private static final Instant NOW = Instant.parse("2026-11-20T07:00:00Z");
  private static final Duration SEND_GRACE = Duration.ofSeconds(60);

  @Mock MessageQueue queue;
  @Mock AccountDirectory accounts;
  @Mock StudentDirectory students;
  @Mock RateLimitLedger ledger;
  @Mock WhatsAppGateway gateway;
  @Mock DeliveryLog deliveryLog;
  @Mock Alerts alerts;
  @Mock DailyTally tally;
  @Mock RuleSource rules;
  @Mock SessionBindings bindings;
  @Mock OperatorHolds holds;
  // reads nothing together unless a test says so (a mock's Optional is empty): the ports answer
  @Mock SendTimeReads together;
  private final AccountProblems problems = new AccountProblems();

  private DeliverMessagesService service;
  private final QueuedMessage message = Fixtures.queued("s1", "923001234567");

  @BeforeEach
  void setUp() {
    service =
        new DeliverMessagesService(
            queue,
            accounts,
            holds,
            new SendTimeTruth(
                together,
                accounts,
                rules,
                students,
                deliveryLog,
                new ReminderPlanner(new PhoneNormaliser("92"))),
            ledger,
            gateway,
            deliveryLog,
            bindings,
            alerts,
            problems,
            tally,
            new com.feesmanager.automation.application.AutomationSettings(
                Duration.ofHours(6),
                Duration.ofMinutes(5),
                Duration.ofSeconds(3),
                new RetryPolicy(3, Duration.ofSeconds(30)),
                Duration.ofSeconds(30),
                SEND_GRACE),
            RandomGenerator.of("L64X128MixRandom"));
    when(accounts.account(UID)).thenReturn(Optional.of(Fixtures.account()));
    when(students.student(UID, "s1"))
        .thenReturn(Optional.of(Fixtures.student("s1", "Ali", "03001234567", 5000, 0)));
    when(ledger.reserve(eq(SESSION), any(), any(), eq(NOW))).thenReturn(new RateDecision.SendNow());
    when(queue.markSending(any(), any())).thenReturn(true);
    when(rules.rules(UID))
        .thenReturn(
            new RuleSource.RuleBook(
                List.of(Fixtures.dailyDraft("overdue", "Dear parent")), Map.of(), List.of()));
    when(bindings.bind(eq(SESSION), eq(UID), any())).thenReturn(new SessionBindings.Binding.Mine());
    when(deliveryLog.find(any(), any())).thenReturn(Optional.empty());
    when(queue.complete(any(), any())).thenReturn(true);
    when(queue.release(any(), any(), anyBoolean())).thenReturn(true);
  }

  private Claim claimed(int attemptsMade, boolean sendStarted) {
    Claim claim = Fixtures.claim(message, attemptsMade, sendStarted, NOW);
    when(queue.claimNext(SESSION, NOW)).thenReturn(Optional.of(claim));
    return claim;
  }

  private DeliveryStep deliver() {
    return service.deliverNext(new DeliverNextCommand(SESSION, NOW));
  }

  private MessageLog lastLog() {
    ArgumentCaptor<MessageLog> log = ArgumentCaptor.forClass(MessageLog.class);
    verify(deliveryLog).record(log.capture());
    return log.getValue();
  }

  @Test
  void warming_reads_each_sessions_binding_ahead_and_touches_no_message() {
    // when
    service.warm(
        new DeliverMessagesUseCase.WarmCommand(java.util.Set.of(SESSION, "other-session"), NOW));

    // then
    verify(bindings).warm(SESSION, NOW);
    verify(bindings).warm("other-session", NOW);
    org.mockito.Mockito.verifyNoMoreInteractions(bindings);
    org.mockito.Mockito.verifyNoInteractions(queue, gateway, ledger, deliveryLog, accounts);
  }

  @Test
  void warming_a_session_that_cannot_be_read_goes_on_with_the_others() {
    // given every read fails (whichever session is warmed first)
    org.mockito.Mockito.doThrow(new StoreUnavailable("Firestore away"))
        .when(bindings)
        .warm(any(), any());

    // when
    service.warm(
        new DeliverMessagesUseCase.WarmCommand(java.util.Set.of(SESSION, "other-session"), NOW));

    // then
    verify(bindings).warm(SESSION, NOW);
    verify(bindings).warm("other-session", NOW);
  }

  @Test
  void an_empty_session_is_idle() {
    when(queue.claimNext(SESSION, NOW)).thenReturn(Optional.empty());

    assertThat(deliver()).isInstanceOf(DeliveryStep.Idle.class);
  }

  @Test
  void a_ready_message_is_sent_logged_as_SENT_with_its_provider_id_and_completed() {
    // given
    Claim claim = claimed(0, false);
    when(gateway.send(eq(SESSION), any(), any()))
        .thenReturn(new SendResult.Sent("true_923001234567@c.us_ABC", false));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    MessageLog log = lastLog();
    assertThat(log.status()).isEqualTo(MessageStatus.SENT);
    assertThat(log.attempts()).isEqualTo(1);
    assertThat(log.providerMessageId()).contains("true_923001234567@c.us_ABC");
    assertThat(log.sentAt()).contains(NOW);
    assertThat(log.to()).contains("923001234567");
    verify(queue).markSending(claim, NOW);
    verify(queue).completeAndClaimNext(claim, NOW);
    verify(tally).count(UID, java.time.LocalDate.of(2026, 11, 20), DailyTally.Outcome.SENT);
    // the account is read once, for the check; its outcome is counted in the zone read then
    verify(accounts).account(UID);
  }

  @Test
  void
      a_message_whose_previous_holder_died_mid_send_is_asked_for_and_unknown_when_nobody_can_tell() {
    // given
    Claim claim = claimed(0, true);
    when(gateway.findSent(
            SESSION, message.message().to(), message.message().body(), message.enqueuedAt()))
        .thenReturn(new SentLookup.NoAnswer("HTTP 401 Error on open list"));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step)
        .isEqualTo(new DeliveryStep.Failed(message.uid(), message.key(), "UNKNOWN_OUTCOME"));
    verify(gateway, never()).send(any(), any(), any());
    assertThat(lastLog().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(lastLog().reason()).contains("UNKNOWN_OUTCOME");
    verify(queue).completeAndClaimNext(claim, NOW);
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("UNKNOWN_OUTCOME");
    assertThat(alert.getValue().text()).doesNotContain("923001234567");
  }

  @Test
  void a_message_whose_previous_holder_died_after_it_went_out_is_logged_SENT_not_sent_again() {
    Claim claim = claimed(0, true);
    when(gateway.findSent(any(), any(), any(), any()))
        .thenReturn(new SentLookup.Found("true_923001234567@c.us_FOUND"));

    DeliveryStep step = deliver();

    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    verify(gateway, never()).send(any(), any(), any());
    assertThat(lastLog().status()).isEqualTo(MessageStatus.SENT);
    assertThat(lastLog().providerMessageId()).contains("true_923001234567@c.us_FOUND");
    verify(queue).completeAndClaimNext(claim, NOW);
    verify(alerts, never()).raise(any());
  }

  @Test
  void a_message_whose_previous_holder_died_before_it_went_out_is_an_ordinary_failed_attempt() {
    Claim claim = claimed(0, true);
    when(gateway.findSent(any(), any(), any(), any())).thenReturn(new SentLookup.NotFound());

    DeliveryStep step = deliver();

    assertThat(step).isInstanceOf(DeliveryStep.Retrying.class);
    assertThat(((DeliveryStep.Retrying) step).reason()).isEqualTo("NOT_SENT");
    verify(queue).release(eq(claim), any(), eq(true));
    verify(gateway, never()).send(any(), any(), any());
  }

  @Test
  void inside_quiet_hours_the_message_waits_until_they_end_without_using_an_attempt() {
    // given quiet hours 11:00–13:00 Karachi; now is 12:00
    when(accounts.account(UID))
        .thenReturn(
            Optional.of(
                Fixtures.account(
                    Optional.of(new QuietHours(LocalTime.of(11, 0), LocalTime.of(13, 0))),
                    Set.of())));
    Claim claim = claimed(1, false);

    // when
    DeliveryStep step = deliver();

    // then
    Instant end = Instant.parse("2026-11-20T08:00:00Z");
    assertThat(step)
        .isEqualTo(new DeliveryStep.Waiting(message.uid(), message.key(), end, "QUIET_HOURS"));
    verify(queue).release(claim, end, false);
    verify(gateway, never()).send(any(), any(), any());
    verify(ledger, never()).reserve(any(), any(), any(), any());
  }

  @Test
  void a_message_of_a_held_account_waits_untouched_without_using_an_attempt() {
    // given the operator holds the account (and the parent has even paid meanwhile)
    when(holds.heldSince(UID)).thenReturn(Optional.of(NOW.minusSeconds(600)));
    when(students.student(UID, "s1"))
        .thenReturn(Optional.of(Fixtures.student("s1", "Ali", "03001234567", 5000, 5000)));
    Claim claim = claimed(1, false);

    // when
    DeliveryStep step = deliver();

    // then it waits for the hold delay: not skipped, not sent, no attempt, nothing logged
    Instant again = NOW.plusSeconds(30);
    assertThat(step)
        .isEqualTo(new DeliveryStep.Waiting(message.uid(), message.key(), again, "OPERATOR_HOLD"));
    verify(queue).release(claim, again, false);
    verify(gateway, never()).send(any(), any(), any());
    verify(ledger, never()).reserve(any(), any(), any(), any());
    verify(deliveryLog, never()).record(any());
    verify(tally, never()).count(any(), any(), any());
  }

  @Test
  void once_released_the_held_message_is_sent() {
    // given a hold that the operator has released
    when(holds.heldSince(UID)).thenReturn(Optional.empty());
    when(gateway.send(eq(SESSION), any(), any())).thenReturn(new SendResult.Sent("wamid-1", false));
    claimed(1, false);

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
  }

  @Test
  void a_parent_who_paid_since_the_message_was_queued_gets_no_reminder() {
    // given
    when(students.student(UID, "s1"))
        .thenReturn(Optional.of(Fixtures.student("s1", "Ali", "03001234567", 5000, 5000)));
    Claim claim = claimed(0, false);

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step)
        .isEqualTo(new DeliveryStep.Skipped(message.uid(), message.key(), "PAID_SINCE_QUEUED"));
    assertThat(lastLog().status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(lastLog().reason()).contains("PAID_SINCE_QUEUED");
    verify(gateway, never()).send(any(), any(), any());
    verify(queue).completeAndClaimNext(claim, NOW);
    verify(tally).count(UID, java.time.LocalDate.of(2026, 11, 20), DailyTally.Outcome.SKIPPED);
  }

  @Test
  void a_partial_payment_still_sends() {
    when(students.student(UID, "s1"))
        .thenReturn(Optional.of(Fixtures.student("s1", "Ali", "03001234567", 5000, 4000)));
    claimed(0, false);
    when(gateway.send(any(), any(), any())).thenReturn(new SendResult.Sent("id-1", false));

    assertThat(deliver()).isInstanceOf(DeliveryStep.Sent.class);
  }

  @Test
  void over_a_rate_limit_the_message_waits_without_using_an_attempt() {
    // given
    Instant until = NOW.plusSeconds(600);
    when(ledger.reserve(eq(SESSION), any(), any(), eq(NOW)))
        .thenReturn(new RateDecision.WaitUntil(until, "HOUR_CAP"));
    Claim claim = claimed(0, false);

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step)
        .isEqualTo(new DeliveryStep.Waiting(message.uid(), message.key(), until, "HOUR_CAP"));
    verify(queue).release(claim, until, false);
    verify(queue, never()).markSending(any(), any());
    verify(gateway, never()).send(any(), any(), any());
  }

  @Test
  void while_the_session_is_down_the_message_is_held_without_using_an_attempt() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.SessionDown("A sessão do WhatsApp não está ativa."));

    DeliveryStep step = deliver();

    assertThat(step).isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "SESSION_DOWN"));
    verify(queue).release(claim, NOW.plusSeconds(30), false);
    verify(deliveryLog, never()).record(any());
  }

  @Test
  void an_unreachable_gateway_holds_the_message() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any())).thenReturn(new SendResult.Unreachable("refused"));

    assertThat(deliver())
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "GATEWAY_UNREACHABLE"));
    verify(queue).release(claim, NOW.plusSeconds(30), false);
  }

  @Test
  void a_retryable_failure_is_retried_after_the_base_delay_with_jitter_using_an_attempt() {
    // given
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.Failed(FailureKind.RETRYABLE, "SEND_FAILED", "500"));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isInstanceOf(DeliveryStep.Retrying.class);
    Instant at = ((DeliveryStep.Retrying) step).at();
    assertThat(at).isBetween(NOW.plusSeconds(24), NOW.plusSeconds(36));
    verify(queue).release(claim, at, true);
    assertThat(lastLog().status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(lastLog().attempts()).isEqualTo(1);
  }

  @Test
  void the_last_failed_attempt_makes_the_message_dead_and_alerts() {
    // given two attempts already used of three
    Claim claim = claimed(2, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.Failed(FailureKind.RETRYABLE, "SEND_FAILED", "500"));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isEqualTo(new DeliveryStep.Dead(message.uid(), message.key(), "SEND_FAILED"));
    verify(queue).deadLetter(claim, "SEND_FAILED", NOW);
    assertThat(lastLog().status()).isEqualTo(MessageStatus.DEAD);
    assertThat(lastLog().attempts()).isEqualTo(3);
    verify(tally).count(UID, java.time.LocalDate.of(2026, 11, 20), DailyTally.Outcome.FAILED);
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("MESSAGE_DEAD");
  }

  @Test
  void a_number_not_on_whatsapp_fails_at_once() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(
            new SendResult.Failed(FailureKind.PERMANENT, "NOT_ON_WHATSAPP", "O número não existe"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Failed(message.uid(), message.key(), "NOT_ON_WHATSAPP"));
    assertThat(lastLog().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(lastLog().reason()).contains("NOT_ON_WHATSAPP");
    verify(queue).completeAndClaimNext(claim, NOW);
  }

  @Test
  void a_send_asked_for_while_the_server_cannot_be_asked_is_asked_again_later_not_failed() {
    // issue 13: asked during an outage (server gone, session closed), a message that had gone out
    // was failed UNKNOWN_OUTCOME for good; now it waits, claimed, as a held send would
    Claim claim = claimed(0, true);
    when(gateway.findSent(any(), any(), any(), any()))
        .thenReturn(new SentLookup.NotNow("get-messages answered HTTP 404"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "OUTCOME_PENDING"));
    verify(queue).returnAt(claim, NOW.plusSeconds(30));
    verify(gateway, never()).send(any(), any(), any());
    verify(deliveryLog, never()).record(any());
    verify(queue, never()).completeAndClaimNext(any(), any());
    verify(queue, never()).release(any(), any(), anyBoolean());
    verify(alerts, never()).raise(any());
  }

  @Test
  void an_ambiguous_send_the_server_cannot_be_asked_about_now_is_asked_again_later() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("HTTP 500 Erro ao enviar a mensagem."));
    when(gateway.findSent(any(), any(), any(), any()))
        .thenReturn(new SentLookup.NotNow("get-messages: cannot connect"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "OUTCOME_PENDING"));
    verify(queue).markSending(claim, NOW);
    verify(queue).returnAt(claim, NOW.plusSeconds(30));
    verify(queue, never()).completeAndClaimNext(any(), any());
    verify(alerts, never()).raise(any());
  }

  @Test
  void an_ambiguous_send_nobody_can_resolve_is_recorded_as_failed_and_alerted_never_retried() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("HTTP 201 with response [false]"));
    when(gateway.findSent(SESSION, message.message().to(), message.message().body(), NOW))
        .thenReturn(new SentLookup.NoAnswer("HTTP 404"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Failed(message.uid(), message.key(), "UNKNOWN_OUTCOME"));
    verify(queue).completeAndClaimNext(claim, NOW);
    verify(queue, never()).release(any(), any(), anyBoolean());
    verify(alerts).raise(any());
  }

  @Test
  void a_send_without_a_reply_is_not_asked_for_now_but_once_it_is_surely_over() {
    // the server may still be sending it: a look now finds nothing, and a retry would be a
    // duplicate once the slow send lands (issue 13, replies slower than WPP_TIMEOUT)
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("no reply within the timeout", true));
    when(gateway.findSent(any(), any(), any(), any())).thenReturn(new SentLookup.NotFound());

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "OUTCOME_PENDING"));
    verify(gateway, never()).findSent(any(), any(), any(), any());
    verify(queue).markSending(claim, NOW);
    // issue 13: asked for a send-grace after it began, not a whole visibility timeout later
    verify(queue).returnAt(claim, NOW.plus(SEND_GRACE));
    verify(queue, never()).release(any(), any(), anyBoolean());
    verify(queue, never()).completeAndClaimNext(any(), any());
    verify(ledger, never()).refund(any(), any());
  }

  @Test
  void a_send_without_a_reply_is_still_left_claimed_when_redis_cannot_bring_it_forward() {
    // the visibility timeout brings it back all the same; nothing is sent blindly meanwhile
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("no reply within the timeout", true));
    when(queue.returnAt(any(), any())).thenThrow(new StoreUnavailable("redis down"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "OUTCOME_PENDING"));
    verify(queue, never()).release(any(), any(), anyBoolean());
    verify(gateway, times(1)).send(any(), any(), any());
  }

  @Test
  void an_ambiguous_send_found_in_the_chat_is_SENT_with_its_id() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("HTTP 500 Erro ao enviar a mensagem."));
    when(gateway.findSent(SESSION, message.message().to(), message.message().body(), NOW))
        .thenReturn(new SentLookup.Found("true_923001234567@c.us_X"));

    assertThat(deliver()).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    assertThat(lastLog().providerMessageId()).contains("true_923001234567@c.us_X");
    verify(queue).completeAndClaimNext(claim, NOW);
    verify(gateway, times(1)).send(any(), any(), any());
    verify(ledger, never()).refund(any(), any());
  }

  @Test
  void an_ambiguous_send_not_in_the_chat_is_retried_using_an_attempt() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.UnknownOutcome("HTTP 500 Erro ao enviar a mensagem."));
    when(gateway.findSent(any(), any(), any(), any())).thenReturn(new SentLookup.NotFound());

    DeliveryStep step = deliver();

    assertThat(step).isInstanceOf(DeliveryStep.Retrying.class);
    verify(queue).release(eq(claim), any(), eq(true));
  }

  @Test
  void a_lost_claim_sends_nothing() {
    claimed(0, false);
    when(queue.markSending(any(), any())).thenReturn(false);

    assertThat(deliver()).isInstanceOf(DeliveryStep.Idle.class);
    verify(gateway, never()).send(any(), any(), any());
  }

  /** The first message is sent; the call completing it claims the session's next one. */
  private Claim sentWithNextClaimedAhead(boolean nextSendStarted) {
    Claim first = claimed(0, false);
    QueuedMessage second = Fixtures.queued("s2", "923009876543");
    when(students.student(UID, "s2"))
        .thenReturn(Optional.of(Fixtures.student("s2", "Bilal", "03009876543", 5000, 0)));
    Claim next = Fixtures.claim(second, 0, nextSendStarted, NOW);
    when(queue.completeAndClaimNext(first, NOW)).thenReturn(Optional.of(next));
    when(gateway.send(eq(SESSION), any(), any())).thenReturn(new SendResult.Sent("id", false));
    assertThat(deliver()).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    verify(queue).completeAndClaimNext(first, NOW);
    return next;
  }

  @Test
  void finishing_a_message_claims_the_next_in_the_same_queue_call_and_the_next_step_delivers_it() {
    // given the first message was sent, and the same queue call claimed the second
    Claim next = sentWithNextClaimedAhead(false);

    // when
    DeliveryStep step = deliver();

    // then the second step used that claim instead of claiming again
    assertThat(step).isEqualTo(new DeliveryStep.Sent(next.message().uid(), next.message().key()));
    verify(queue, times(1)).claimNext(any(), any());
    verify(queue).markSending(next, NOW);
    verify(queue).completeAndClaimNext(next, NOW);
    verify(queue, never()).complete(any(), any());
  }

  @Test
  void a_message_claimed_ahead_still_waits_for_the_minimum_gap_without_using_an_attempt() {
    // given
    Claim next = sentWithNextClaimedAhead(false);
    Instant gapEnds = NOW.plusSeconds(4);
    when(ledger.reserve(eq(SESSION), any(), any(), eq(NOW)))
        .thenReturn(new RateDecision.WaitUntil(gapEnds, "MIN_GAP"));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step)
        .isEqualTo(
            new DeliveryStep.Waiting(
                next.message().uid(), next.message().key(), gapEnds, "MIN_GAP"));
    verify(queue).release(next, gapEnds, false);
    verify(gateway, times(1)).send(any(), any(), any());
  }

  @Test
  void pausing_the_session_puts_the_message_claimed_ahead_back_ready_at_once() {
    // given
    Claim next = sentWithNextClaimedAhead(false);

    // when
    Instant later = NOW.plusSeconds(5);
    service.pause(new PauseCommand(SESSION, later));

    // then it is released without using an attempt, and the next step claims afresh
    verify(queue).release(next, later, false);
    when(queue.claimNext(SESSION, NOW)).thenReturn(Optional.empty());
    assertThat(deliver()).isInstanceOf(DeliveryStep.Idle.class);
    verify(queue, times(2)).claimNext(SESSION, NOW);
  }

  @Test
  void a_claim_ahead_whose_holder_died_mid_send_is_not_released_so_its_marker_survives() {
    // given the message claimed ahead was being sent by a worker that died
    sentWithNextClaimedAhead(true);

    // when
    service.pause(new PauseCommand(SESSION, NOW));

    // then
    verify(queue, never()).release(any(), any(), anyBoolean());
  }

  @Test
  void a_claim_ahead_that_timed_out_is_not_used_and_the_session_is_claimed_afresh() {
    // given
    Claim stale = sentWithNextClaimedAhead(false);
    Instant late = stale.visibleUntil();
    when(queue.claimNext(SESSION, late)).thenReturn(Optional.empty());

    // when
    DeliveryStep step = service.deliverNext(new DeliverNextCommand(SESSION, late));

    // then
    assertThat(step).isInstanceOf(DeliveryStep.Idle.class);
    verify(queue).claimNext(SESSION, late);
    verify(queue, never()).markSending(eq(stale), any());
  }

  // --- the checks just before sending (SPEC §4), in the contract's order

  private void assertSkippedWithoutSending(String reason) {
    Claim claim = claimed(0, false);

    DeliveryStep step = deliver();

    assertThat(step).isEqualTo(new DeliveryStep.Skipped(message.uid(), message.key(), reason));
    assertThat(lastLog().status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(lastLog().reason()).contains(reason);
    verify(gateway, never()).send(any(), any(), any());
    verify(ledger, never()).reserve(any(), any(), any(), any());
    verify(queue).completeAndClaimNext(claim, NOW);
  }

  private static AccountSettings switchedOff() {
    AccountSettings on = Fixtures.account();
    var a = on.automation();
    return new AccountSettings(
        on.uid(),
        on.academyName(),
        on.timezone(),
        on.currency(),
        new Automation(
            false, a.wppSession(), a.maxPerHour(), a.maxPerDay(), a.quietHours(), a.holidays()));
  }

  private static Student ali(boolean active, boolean optOut, String guardianPhone) {
    Student s = Fixtures.student("s1", "Ali", guardianPhone, 5000, 0);
    return new Student(
        s.id(),
        s.name(),
        s.guardianName(),
        s.phone(),
        s.guardianPhone(),
        s.className(),
        active,
        optOut,
        s.fees());
  }

  @Test
  void automation_switched_off_after_queueing_sends_nothing() {
    when(accounts.account(UID)).thenReturn(Optional.of(switchedOff()));

    assertSkippedWithoutSending("AUTOMATION_DISABLED");
  }

  @Test
  void an_account_deleted_after_queueing_is_automation_disabled_not_a_failure() {
    when(accounts.account(UID)).thenReturn(Optional.empty());

    assertSkippedWithoutSending("AUTOMATION_DISABLED");
  }

  @Test
  void a_rule_disabled_after_queueing_sends_nothing() {
    RuleDraft on = Fixtures.dailyDraft("overdue", "Dear parent");
    RuleDraft off =
        new RuleDraft(
            on.id(),
            on.name(),
            false,
            on.frequency(),
            on.time(),
            on.daysOfWeek(),
            on.dayOfMonth(),
            on.statuses(),
            on.minDaysOverdue(),
            on.maxDaysOverdue(),
            on.dueWithinDays(),
            on.classes(),
            on.minBalance(),
            on.audience(),
            on.templateId(),
            on.template(),
            on.createdAt(),
            on.consolidate(),
            on.problems());
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(off), Map.of(), List.of()));

    assertSkippedWithoutSending("RULE_DISABLED");
  }

  @Test
  void a_rule_deleted_after_queueing_sends_nothing() {
    when(rules.rules(UID)).thenReturn(new RuleSource.RuleBook(List.of(), Map.of(), List.of()));

    assertSkippedWithoutSending("RULE_DISABLED");
  }

  @Test
  void a_parent_who_opted_out_after_queueing_gets_nothing_even_when_also_paid() {
    Student optedOutAndPaid =
        new Student(
            "s1",
            "Ali",
            Optional.empty(),
            Optional.empty(),
            Optional.of("03001234567"),
            Optional.empty(),
            true,
            true,
            Fixtures.student("s1", "Ali", "03001234567", 5000, 5000).fees());
    when(students.student(UID, "s1")).thenReturn(Optional.of(optedOutAndPaid));

    assertSkippedWithoutSending("OPTED_OUT");
  }

  @Test
  void an_inactive_student_gets_nothing() {
    when(students.student(UID, "s1")).thenReturn(Optional.of(ali(false, false, "03001234567")));

    assertSkippedWithoutSending("STUDENT_INACTIVE");
  }

  @Test
  void a_deleted_student_gets_nothing() {
    when(students.student(UID, "s1")).thenReturn(Optional.empty());

    assertSkippedWithoutSending("STUDENT_INACTIVE");
  }

  @Test
  void a_guardian_number_changed_after_queueing_gets_nothing_on_the_old_number() {
    when(students.student(UID, "s1")).thenReturn(Optional.of(ali(true, false, "03331112223")));

    assertSkippedWithoutSending("RECIPIENT_CHANGED");
  }

  @Test
  void data_that_cannot_be_read_holds_the_message_without_using_an_attempt() {
    Claim claim = claimed(1, false);
    when(students.student(UID, "s1")).thenThrow(new StoreUnavailable("deadline exceeded"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "DATA_UNAVAILABLE"));
    verify(queue).release(claim, NOW.plusSeconds(30), false);
    verify(deliveryLog, never()).record(any());
    verify(gateway, never()).send(any(), any(), any());
  }

  @Test
  void a_message_whose_log_already_says_SENT_is_completed_without_sending() {
    Claim claim = claimed(0, false);
    MessageLog sent = org.mockito.Mockito.mock(MessageLog.class);
    when(sent.status()).thenReturn(MessageStatus.DELIVERED);
    when(deliveryLog.find(UID, message.key())).thenReturn(Optional.of(sent));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Skipped(message.uid(), message.key(), "ALREADY_SENT"));
    verify(gateway, never()).send(any(), any(), any());
    verify(deliveryLog, never()).record(any());
    verify(queue).completeAndClaimNext(claim, NOW);
  }

  @Test
  void a_message_log_that_cannot_be_read_does_not_stop_the_send_the_queue_record_stands() {
    // given Firestore frozen: the rules and students come from the cache, the log cannot be read
    Claim claim = claimed(0, false);
    when(deliveryLog.find(UID, message.key())).thenThrow(new StoreUnavailable("deadline exceeded"));
    when(gateway.send(eq(SESSION), any(), any()))
        .thenReturn(new SendResult.Sent("true_923001234567@c.us_ABC", false));

    // when
    DeliveryStep step = deliver();

    // then it is sent once, as the queue says it was never sent (SPEC §8: a short outage delays
    // nothing)
    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    verify(gateway).send(eq(SESSION), any(), any());
    verify(queue).completeAndClaimNext(claim, NOW);
  }

  // --- session binding (SPEC §6)

  @Test
  void a_session_bound_to_another_account_holds_the_message_alerts_and_shows_the_problem() {
    Claim claim = claimed(0, false);
    when(bindings.bind(eq(SESSION), eq(UID), any()))
        .thenReturn(new SessionBindings.Binding.Taken("academy-2", NOW.minusSeconds(3600)));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "SESSION_TAKEN"));
    verify(queue).release(claim, NOW.plusSeconds(30), false);
    verify(gateway, never()).send(any(), any(), any());
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("SESSION_TAKEN");
    assertThat(alert.getValue().text()).contains("session rebind " + SESSION + " --account " + UID);
    assertThat(problems.of(UID)).extracting(AccountProblem::code).containsExactly("SESSION_TAKEN");
  }

  @Test
  void once_the_session_is_rebound_the_problem_goes_away_and_the_message_is_sent() {
    when(bindings.bind(eq(SESSION), eq(UID), any()))
        .thenReturn(new SessionBindings.Binding.Taken("academy-2", NOW.minusSeconds(3600)))
        .thenReturn(new SessionBindings.Binding.Mine());
    when(gateway.send(any(), any(), any())).thenReturn(new SendResult.Sent("id", false));
    claimed(0, false);
    deliver();

    assertThat(deliver()).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    assertThat(problems.of(UID)).isEmpty();
  }

  // --- capacity (SPEC §5): only sends that reached the gateway count

  @Test
  void a_held_send_gives_its_rate_limit_slot_back() {
    claimed(0, false);
    when(gateway.send(any(), any(), any())).thenReturn(new SendResult.SessionDown("not active"));

    deliver();

    verify(ledger).refund(SESSION, NOW);
  }

  @Test
  void a_lost_claim_gives_its_rate_limit_slot_back() {
    claimed(0, false);
    when(queue.markSending(any(), any())).thenReturn(false);

    deliver();

    verify(ledger).refund(SESSION, NOW);
  }

  @Test
  void a_sent_or_failed_send_keeps_its_slot() {
    claimed(0, false);
    when(gateway.send(any(), any(), any()))
        .thenReturn(new SendResult.Failed(FailureKind.RETRYABLE, "WHATSAPP_FAILED", "ack -1"));

    deliver();

    verify(ledger, never()).refund(any(), any());
  }

  // --- poison messages

  @Test
  void an_exception_before_sending_uses_an_attempt_instead_of_looping_forever() {
    Claim claim = claimed(0, false);
    when(students.student(UID, "s1")).thenThrow(new ArithmeticException("long overflow"));

    DeliveryStep step = deliver();

    assertThat(step).isInstanceOf(DeliveryStep.Retrying.class);
    assertThat(((DeliveryStep.Retrying) step).reason()).isEqualTo("PROCESSING_ERROR");
    verify(queue).release(eq(claim), any(), eq(true));
    verify(gateway, never()).send(any(), any(), any());
  }

  @Test
  void after_the_last_attempt_a_poison_message_goes_dead_with_an_alert() {
    Claim claim = claimed(2, false);
    when(students.student(UID, "s1")).thenThrow(new ArithmeticException("long overflow"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Dead(message.uid(), message.key(), "PROCESSING_ERROR"));
    verify(queue).deadLetter(claim, "PROCESSING_ERROR", NOW);
    assertThat(lastLog().status()).isEqualTo(MessageStatus.DEAD);
    ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
    verify(alerts).raise(alert.capture());
    assertThat(alert.getValue().event()).isEqualTo("MESSAGE_DEAD");
    assertThat(alert.getValue().text()).contains("PROCESSING_ERROR").contains("long overflow");
  }

  @Test
  void an_exception_after_the_send_started_leaves_the_message_claimed_to_be_asked_for_later() {
    Claim claim = claimed(0, false);
    when(gateway.send(any(), any(), any())).thenReturn(new SendResult.Sent("id", false));
    when(deliveryLog.record(any())).thenThrow(new StoreUnavailable("firestore down"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "OUTCOME_PENDING"));
    verify(queue, never()).release(any(), any(), anyBoolean());
    verify(queue, never()).completeAndClaimNext(claim, NOW);
    verify(queue, never()).deadLetter(any(), any(), any());
    verify(queue).returnAt(claim, NOW.plus(SEND_GRACE));
  }

  // --- the send's documents read together (issue 16: one round trip instead of five) ---

  private void readTogether(
      Optional<AccountSettings> account, Optional<RuleDraft> rule, Optional<MessageLog> log) {
    when(together.readTogether(message))
        .thenReturn(
            Optional.of(
                new SendTimeReads.SendTimeData(
                    account,
                    rule,
                    Map.of(
                        "s1", Optional.of(Fixtures.student("s1", "Ali", "03001234567", 5000, 0))),
                    log)));
  }

  @Test
  void documents_read_together_decide_the_send_and_no_part_is_read_again() {
    // given
    Claim claim = claimed(0, false);
    readTogether(
        Optional.of(Fixtures.account()),
        Optional.of(Fixtures.dailyDraft("overdue", "Dear parent")),
        Optional.empty());
    when(gateway.send(eq(SESSION), any(), any()))
        .thenReturn(new SendResult.Sent("true_923001234567@c.us_ABC", false));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    verify(queue).markSending(claim, NOW);
    verify(rules, never()).rules(any());
    verify(students, never()).student(any(), any());
    verify(deliveryLog, never()).find(any(), any());
    // counted on the local day of the account read together, which is not read again
    verify(accounts, never()).account(any());
    verify(tally).count(UID, java.time.LocalDate.of(2026, 11, 20), DailyTally.Outcome.SENT);
  }

  @Test
  void an_account_switched_off_as_read_together_sends_nothing() {
    readTogether(
        Optional.of(switchedOff()),
        Optional.of(Fixtures.dailyDraft("overdue", "Dear parent")),
        Optional.empty());

    assertSkippedWithoutSending("AUTOMATION_DISABLED");
  }

  @Test
  void a_rule_deleted_as_read_together_sends_nothing() {
    readTogether(Optional.of(Fixtures.account()), Optional.empty(), Optional.empty());

    assertSkippedWithoutSending("RULE_DISABLED");
  }

  @Test
  void a_log_read_together_that_says_SENT_completes_the_message_without_sending() {
    Claim claim = claimed(0, false);
    MessageLog sent = org.mockito.Mockito.mock(MessageLog.class);
    when(sent.status()).thenReturn(MessageStatus.SENT);
    readTogether(
        Optional.of(Fixtures.account()),
        Optional.of(Fixtures.dailyDraft("overdue", "Dear parent")),
        Optional.of(sent));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Skipped(message.uid(), message.key(), "ALREADY_SENT"));
    verify(gateway, never()).send(any(), any(), any());
    verify(queue).completeAndClaimNext(claim, NOW);
  }

  @Test
  void when_reading_together_fails_each_part_is_read_through_its_port_and_the_send_goes() {
    // given the batch read fails; the ports answer (from their copies, say)
    claimed(0, false);
    when(together.readTogether(message)).thenThrow(new StoreUnavailable("deadline exceeded"));
    when(gateway.send(eq(SESSION), any(), any()))
        .thenReturn(new SendResult.Sent("true_923001234567@c.us_ABC", false));

    // when
    DeliveryStep step = deliver();

    // then
    assertThat(step).isEqualTo(new DeliveryStep.Sent(message.uid(), message.key()));
    verify(accounts, org.mockito.Mockito.atLeastOnce()).account(UID);
    verify(rules).rules(UID);
    verify(students).student(UID, "s1");
    verify(deliveryLog).find(UID, message.key());
  }

  @Test
  void when_reading_together_fails_and_a_port_cannot_answer_the_message_is_held() {
    Claim claim = claimed(0, false);
    when(together.readTogether(message)).thenThrow(new StoreUnavailable("deadline exceeded"));
    when(accounts.account(UID)).thenThrow(new StoreUnavailable("no copy"));

    DeliveryStep step = deliver();

    assertThat(step)
        .isEqualTo(new DeliveryStep.Held(message.uid(), message.key(), "DATA_UNAVAILABLE"));
    verify(queue).release(claim, NOW.plusSeconds(30), false);
    verify(gateway, never()).send(any(), any(), any());
  }
}
