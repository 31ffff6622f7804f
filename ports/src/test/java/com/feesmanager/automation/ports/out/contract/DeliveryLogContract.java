package com.feesmanager.automation.ports.out.contract;

import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every delivery log does (SPEC §1.5 {@code messageLogs}): idempotent by key, a status never
 * moves backwards, receipts find their log by the provider's message id. A write in the same status
 * is accepted (it updates attempts and times), so {@code record} returns false only for a step
 * back.
 */
public abstract class DeliveryLogContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  /** An adapter; tests use unique uids and keys, so it may share its store with other tests. */
  protected abstract DeliveryLog newLog();

  private DeliveryLog log;
  private String uid;

  @BeforeEach
  void newLogAndAccount() {
    log = newLog();
    uid = Unique.name("academy");
  }

  private MessageLog queued() {
    return aMessageLog().forAccount(uid).queuedAt(T0).build();
  }

  @Test
  void latest_lists_the_accounts_logs_most_recently_updated_first_up_to_the_limit() {
    // given three ended logs of the account, a minute apart, and one of another account
    List<MessageLog> ended = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ended.add(
          aMessageLog()
              .forAccount(uid)
              .withStatus(MessageStatus.SENT)
              .queuedAt(T0.plusSeconds(60L * i))
              .build());
    }
    ended.forEach(log::record);
    log.record(
        aMessageLog()
            .forAccount(Unique.name("other"))
            .withStatus(MessageStatus.SENT)
            .queuedAt(T0.plusSeconds(600))
            .build());

    // when
    List<MessageLog> latestTwo = log.latest(uid, 2);
    List<MessageLog> all = log.latest(uid, 10);

    // then
    assertThat(latestTwo)
        .extracting(MessageLog::key)
        .containsExactly(ended.get(2).key(), ended.get(1).key());
    assertThat(all).extracting(MessageLog::uid).containsOnly(uid).hasSize(3);
  }

  @Test
  void record_createsTheLog_andFindReturnsIt() {
    // given
    MessageLog queued =
        aMessageLog()
            .forAccount(uid)
            .withBody("السلام علیکم، فیس PKR 4,000 باقی ہے۔")
            .queuedAt(T0)
            .build();

    // when
    boolean created = log.record(queued);

    // then
    assertThat(created).isTrue();
    assertThat(log.find(uid, queued.key())).contains(queued);
    assertThat(log.find(uid, new MessageKey(Unique.name("unknown")))).isEmpty();
  }

  @Test
  void record_theSameLogTwice_isHarmless() {
    // given
    MessageLog queued = queued();
    log.record(queued);

    // when
    boolean again = log.record(queued);

    // then
    assertThat(again).isTrue();
    assertThat(log.find(uid, queued.key())).contains(queued);
  }

  @Test
  void status_movesForward_queuedSentDeliveredRead() {
    // given
    MessageLog queued = queued();
    MessageLog sent =
        queued.movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty()).withAttempts(1);
    MessageLog delivered =
        sent.movedTo(MessageStatus.DELIVERED, T0.plusSeconds(9), Optional.empty());
    MessageLog read = delivered.movedTo(MessageStatus.READ, T0.plusSeconds(60), Optional.empty());

    // when / then
    assertThat(log.record(queued)).isTrue();
    assertThat(log.record(sent)).isTrue();
    assertThat(log.find(uid, queued.key())).contains(sent);
    assertThat(log.record(delivered)).isTrue();
    assertThat(log.find(uid, queued.key())).contains(delivered);
    assertThat(log.record(read)).isTrue();
    assertThat(log.find(uid, queued.key())).contains(read);
  }

  @Test
  void status_neverMovesBackwards_aLateSentAfterReadIsRefused() {
    // given
    MessageLog queued = queued();
    MessageLog sent = queued.movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty());
    MessageLog read = queued.movedTo(MessageStatus.READ, T0.plusSeconds(60), Optional.empty());
    log.record(queued);
    log.record(read);

    // when
    boolean lateSent = log.record(sent);
    boolean lateQueued = log.record(queued);

    // then
    assertThat(lateSent).isFalse();
    assertThat(lateQueued).isFalse();
    assertThat(log.find(uid, queued.key())).contains(read);
  }

  @Test
  void status_sentMayStillFail_butAFailedLogStaysFailed() {
    // given
    MessageLog sent = queued().movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty());
    MessageLog failed =
        sent.movedTo(MessageStatus.FAILED, T0.plusSeconds(30), Optional.of("WHATSAPP_FAILED"));
    MessageLog delivered =
        sent.movedTo(MessageStatus.DELIVERED, T0.plusSeconds(40), Optional.empty());
    log.record(sent);

    // when
    boolean toFailed = log.record(failed);
    boolean toDelivered = log.record(delivered);

    // then
    assertThat(toFailed).isTrue();
    assertThat(toDelivered).isFalse();
    assertThat(log.find(uid, sent.key())).contains(failed);
  }

  @Test
  void findByProviderMessageId_findsTheLogAReceiptRefersTo() {
    // given
    String providerId = Unique.name("true_923001234567@c.us_3EB0");
    MessageLog sent =
        queued()
            .movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty())
            .withProviderMessageId(providerId);
    log.record(queued());
    log.record(sent);

    // when
    Optional<MessageLog> found = log.findByProviderMessageId(providerId);

    // then
    assertThat(found).contains(sent);
    assertThat(log.findByProviderMessageId(Unique.name("unknown"))).isEmpty();
  }

  @Test
  void accounts_areIndependent_evenForTheSameKey() {
    // given
    String otherUid = Unique.name("academy");
    MessageLog mine = queued();
    MessageLog theirs =
        aMessageLog()
            .forAccount(otherUid)
            .withKey(mine.key())
            .withStatus(MessageStatus.SKIPPED)
            .withReason("OPTED_OUT")
            .queuedAt(T0)
            .build();

    // when
    log.record(mine);
    boolean theirsRecorded = log.record(theirs);

    // then
    assertThat(theirsRecorded).isTrue();
    assertThat(log.find(uid, mine.key())).contains(mine);
    assertThat(log.find(otherUid, mine.key())).contains(theirs);
  }
}
