package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ApplyReceiptCommand;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ApplyReceiptServiceTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:05:00Z");
  private static final String PROVIDER_ID = "true_923001234567@c.us_3EB0ABC";

  @Mock DeliveryLog deliveryLog;

  private ReceiptOutcome apply(MessageStatus current, Receipt receipt) {
    MessageLog log =
        MessageLogs.of(
                Fixtures.queued("s1", "923001234567"),
                current,
                Optional.empty(),
                1,
                AT.minusSeconds(60))
            .withProviderMessageId(PROVIDER_ID);
    when(deliveryLog.findByProviderMessageId(PROVIDER_ID)).thenReturn(Optional.of(log));
    return new ApplyReceiptService(deliveryLog)
        .applyReceipt(new ApplyReceiptCommand(PROVIDER_ID, receipt, AT));
  }

  private MessageLog written() {
    ArgumentCaptor<MessageLog> captor = ArgumentCaptor.forClass(MessageLog.class);
    verify(deliveryLog).record(captor.capture());
    return captor.getValue();
  }

  @Test
  void a_delivered_receipt_moves_a_sent_log_to_DELIVERED_with_its_time() {
    when(deliveryLog.record(any())).thenReturn(true);

    assertThat(apply(MessageStatus.SENT, Receipt.DELIVERED)).isEqualTo(ReceiptOutcome.APPLIED);

    assertThat(written().status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(written().deliveredAt()).contains(AT);
    assertThat(written().providerMessageId()).contains(PROVIDER_ID);
  }

  @Test
  void a_read_receipt_after_delivered_moves_to_READ() {
    when(deliveryLog.record(any())).thenReturn(true);

    assertThat(apply(MessageStatus.DELIVERED, Receipt.READ)).isEqualTo(ReceiptOutcome.APPLIED);
    assertThat(written().readAt()).contains(AT);
  }

  @Test
  void a_failure_ack_fails_a_sent_message_with_WHATSAPP_FAILED() {
    when(deliveryLog.record(any())).thenReturn(true);

    apply(MessageStatus.SENT, Receipt.FAILED);

    assertThat(written().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(written().reason()).contains("WHATSAPP_FAILED");
  }

  @Test
  void a_late_delivered_receipt_never_undoes_READ() {
    assertThat(apply(MessageStatus.READ, Receipt.DELIVERED)).isEqualTo(ReceiptOutcome.NOT_NEWER);
    verify(deliveryLog, never()).record(any());
  }

  @Test
  void a_duplicate_receipt_changes_nothing() {
    assertThat(apply(MessageStatus.DELIVERED, Receipt.DELIVERED))
        .isEqualTo(ReceiptOutcome.NOT_NEWER);
    verify(deliveryLog, never()).record(any());
  }

  private MessageLog sentLog() {
    return MessageLogs.of(
            Fixtures.queued("s1", "923001234567"),
            MessageStatus.SENT,
            Optional.empty(),
            1,
            AT.minusSeconds(60))
        .withProviderMessageId(PROVIDER_ID);
  }

  @Test
  void an_ack_before_its_send_is_recorded_is_kept_and_applied_once_the_log_is_there() {
    when(deliveryLog.findByProviderMessageId(PROVIDER_ID))
        .thenReturn(Optional.empty(), Optional.of(sentLog()));
    when(deliveryLog.record(any())).thenReturn(true);
    ApplyReceiptService service = new ApplyReceiptService(deliveryLog);

    ReceiptOutcome early =
        service.applyReceipt(new ApplyReceiptCommand(PROVIDER_ID, Receipt.DELIVERED, AT));
    verify(deliveryLog, never()).record(any());
    int applied = service.applyPending(AT.plusSeconds(2));

    assertThat(early).isEqualTo(ReceiptOutcome.UNKNOWN_MESSAGE);
    assertThat(applied).isEqualTo(1);
    assertThat(written().status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(written().deliveredAt()).contains(AT);
    assertThat(service.pendingCount()).isZero();
  }

  @Test
  void a_kept_ack_whose_log_never_comes_is_forgotten_after_five_minutes() {
    when(deliveryLog.findByProviderMessageId("nope")).thenReturn(Optional.empty());
    ApplyReceiptService service = new ApplyReceiptService(deliveryLog);

    service.applyReceipt(new ApplyReceiptCommand("nope", Receipt.READ, AT));
    service.applyPending(AT.plus(ApplyReceiptService.PENDING_FOR).minusSeconds(1));
    assertThat(service.pendingCount()).isEqualTo(1);
    service.applyPending(AT.plus(ApplyReceiptService.PENDING_FOR));

    assertThat(service.pendingCount()).isZero();
    verify(deliveryLog, never()).record(any());
  }

  @Test
  void the_kept_acks_are_bounded_the_eldest_go_first_and_the_furthest_ack_of_an_id_is_kept() {
    when(deliveryLog.findByProviderMessageId(any())).thenReturn(Optional.empty());
    ApplyReceiptService service =
        new ApplyReceiptService(deliveryLog, ApplyReceiptService.PENDING_FOR, 2);

    service.applyReceipt(new ApplyReceiptCommand("a", Receipt.READ, AT));
    service.applyReceipt(new ApplyReceiptCommand("a", Receipt.DELIVERED, AT.plusSeconds(1)));
    service.applyReceipt(new ApplyReceiptCommand("b", Receipt.DELIVERED, AT.plusSeconds(2)));
    service.applyReceipt(new ApplyReceiptCommand("c", Receipt.DELIVERED, AT.plusSeconds(3)));

    assertThat(service.pendingCount()).isEqualTo(2);
    // "a", the eldest, is gone: its log appearing now changes nothing
    lenient().when(deliveryLog.findByProviderMessageId("a")).thenReturn(Optional.of(sentLog()));
    assertThat(service.applyPending(AT.plusSeconds(4))).isZero();
    // looked up only on its two arrivals, never by applyPending
    verify(deliveryLog, times(2)).findByProviderMessageId("a");
  }

  @Test
  void a_kept_read_is_not_replaced_by_a_late_delivered() {
    when(deliveryLog.findByProviderMessageId(PROVIDER_ID))
        .thenReturn(Optional.empty(), Optional.empty(), Optional.of(sentLog()));
    when(deliveryLog.record(any())).thenReturn(true);
    ApplyReceiptService service = new ApplyReceiptService(deliveryLog);

    service.applyReceipt(new ApplyReceiptCommand(PROVIDER_ID, Receipt.READ, AT));
    service.applyReceipt(new ApplyReceiptCommand(PROVIDER_ID, Receipt.DELIVERED, AT));
    service.applyPending(AT.plusSeconds(1));

    assertThat(written().status()).isEqualTo(MessageStatus.READ);
  }
}
