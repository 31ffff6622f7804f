package com.feesmanager.automation.ports.out.contract;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every delivery queue does (SPEC §4, {@link MessageQueue} and {@link QueueMonitor}):
 * idempotent enqueue, FIFO per session, claims with a visibility timeout, delayed release, dead
 * letters and counts.
 *
 * <p>Where the port's Javadoc is silent, these tests settle it: a message is ready from the instant
 * it was enqueued (or released to); a claim whose timeout passed counts as ready again, and its
 * holder may still finish it until another worker takes it; release clears {@code sendStarted} (the
 * holder knows its outcome); a dead letter's {@code attempts} includes the failed attempt of the
 * claim that dead-lettered it ({@code attemptsMade + 1}); a dead key is refused by enqueue until it
 * is requeued; the retention runs from completion, and the exact boundary instant is left to the
 * adapter.
 */
public abstract class MessageQueueContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  protected static final Duration VISIBILITY = Duration.ofMinutes(2);
  protected static final Duration RETENTION = Duration.ofDays(14);

  /** The adapter's two faces; one object implementing both, or two sharing one store. */
  public record QueueUnderTest(MessageQueue queue, QueueMonitor monitor) {

    public QueueUnderTest {
      Objects.requireNonNull(queue, "'queue' must not be null");
      Objects.requireNonNull(monitor, "'monitor' must not be null");
    }

    public static <Q extends MessageQueue & QueueMonitor> QueueUnderTest of(Q both) {
      return new QueueUnderTest(both, both);
    }
  }

  /**
   * A queue with these settings whose state no other call's queue sees (a new instance, or a new
   * key prefix on a shared server): dead letters and sessions are listed across the whole queue.
   */
  protected abstract QueueUnderTest newQueue(Duration visibilityTimeout, Duration dedupeRetention);

  private MessageQueue queue;
  private QueueMonitor monitor;
  private String session;

  @BeforeEach
  void newQueueAndSession() {
    QueueUnderTest underTest = newQueue(VISIBILITY, RETENTION);
    queue = underTest.queue();
    monitor = underTest.monitor();
    session = Unique.name("session");
  }

  private QueuedMessage enqueued(String inSession, Instant at) {
    QueuedMessage message = aQueuedMessage().inSession(inSession).enqueuedAt(at).build();
    assertThat(queue.enqueue(message, at)).isTrue();
    return message;
  }

  private Claim claim(String fromSession, Instant at) {
    Optional<Claim> claim = queue.claimNext(fromSession, at);
    assertThat(claim).as("a claimable message in %s at %s", fromSession, at).isPresent();
    return claim.orElseThrow();
  }

  private static MessageKey keyOf(Claim claim) {
    return claim.message().key();
  }

  // --- enqueue is idempotent by key ---------------------------------------------------------

  @Test
  void enqueue_acceptsAKeyOnce_andRefusesItWhileQueued() {
    // given
    QueuedMessage message = aQueuedMessage().inSession(session).enqueuedAt(T0).build();

    // when
    boolean first = queue.enqueue(message, T0);
    boolean second = queue.enqueue(message, T0.plusSeconds(1));

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(monitor.counts(session, T0.plusSeconds(1)).ready()).isEqualTo(1);
  }

  @Test
  void enqueue_refusesAKeyInFlight() {
    // given
    QueuedMessage message = enqueued(session, T0);
    claim(session, T0.plusSeconds(1));

    // when
    boolean again = queue.enqueue(message, T0.plusSeconds(2));

    // then
    assertThat(again).isFalse();
    assertThat(queue.claimNext(session, T0.plusSeconds(3))).isEmpty();
  }

  @Test
  void enqueue_refusesACompletedKeyWithinTheRetention_andAcceptsItAfter() {
    // given
    QueuedMessage message = enqueued(session, T0);
    Instant completedAt = T0.plusSeconds(10);
    assertThat(queue.complete(claim(session, T0.plusSeconds(5)), completedAt)).isTrue();

    // when
    boolean justAfter = queue.enqueue(message, completedAt.plusSeconds(1));
    boolean lastSecond = queue.enqueue(message, completedAt.plus(RETENTION).minusSeconds(1));
    boolean afterRetention = queue.enqueue(message, completedAt.plus(RETENTION).plusSeconds(1));

    // then
    assertThat(justAfter).isFalse();
    assertThat(lastSecond).isFalse();
    assertThat(afterRetention).isTrue();
  }

  // --- FIFO per session, sessions independent ----------------------------------------------

  @Test
  void claimNext_takesMessagesInEnqueueOrder_notKeyOrder() {
    // given keys that sort the other way round
    QueuedMessage third =
        aQueuedMessage().inSession(session).withKey(Unique.name("c")).enqueuedAt(T0).build();
    QueuedMessage second =
        aQueuedMessage()
            .inSession(session)
            .withKey(Unique.name("b"))
            .enqueuedAt(T0.plusSeconds(1))
            .build();
    QueuedMessage first =
        aQueuedMessage()
            .inSession(session)
            .withKey(Unique.name("a"))
            .enqueuedAt(T0.plusSeconds(2))
            .build();
    queue.enqueue(third, T0);
    queue.enqueue(second, T0.plusSeconds(1));
    queue.enqueue(first, T0.plusSeconds(2));

    // when
    Instant at = T0.plusSeconds(10);
    List<QueuedMessage> order =
        List.of(
            claim(session, at).message(),
            claim(session, at).message(),
            claim(session, at).message());

    // then
    assertThat(order).containsExactly(third, second, first);
    assertThat(queue.claimNext(session, at)).isEmpty();
  }

  @Test
  void claimNext_onASessionWithNothingQueued_isEmpty() {
    // given
    enqueued(Unique.name("other"), T0);

    // when
    Optional<Claim> claim = queue.claimNext(session, T0.plusSeconds(1));

    // then
    assertThat(claim).isEmpty();
  }

  @Test
  void sessions_areIndependent_aMessageInFlightInOneDoesNotHoldTheOther() {
    // given
    String other = Unique.name("session");
    QueuedMessage a1 = enqueued(session, T0);
    QueuedMessage b1 = enqueued(other, T0.plusSeconds(1));
    QueuedMessage a2 = enqueued(session, T0.plusSeconds(2));
    QueuedMessage b2 = enqueued(other, T0.plusSeconds(3));
    Instant at = T0.plusSeconds(10);

    // when
    Claim firstOfA = claim(session, at);
    Claim firstOfB = claim(other, at);
    Claim secondOfA = claim(session, at);
    Claim secondOfB = claim(other, at);

    // then
    assertThat(firstOfA.message()).isEqualTo(a1);
    assertThat(secondOfA.message()).isEqualTo(a2);
    assertThat(firstOfB.message()).isEqualTo(b1);
    assertThat(secondOfB.message()).isEqualTo(b2);
    assertThat(monitor.counts(session, at)).isEqualTo(new QueueCounts(0, 0, 2, 0));
    assertThat(monitor.counts(other, at)).isEqualTo(new QueueCounts(0, 0, 2, 0));
  }

  // --- claims and the visibility timeout ----------------------------------------------------

  @Test
  void claim_isVisibleUntilNowPlusTheTimeout_andHidesTheMessageFromOtherWorkers() {
    // given
    QueuedMessage message = enqueued(session, T0);
    Instant at = T0.plusSeconds(5);

    // when
    Claim claim = claim(session, at);

    // then
    assertThat(claim.message()).isEqualTo(message);
    assertThat(claim.visibleUntil()).isEqualTo(at.plus(VISIBILITY));
    assertThat(claim.attemptsMade()).isZero();
    assertThat(claim.sendStarted()).isFalse();
    assertThat(claim.token()).isNotBlank();
    assertThat(queue.claimNext(session, at.plus(VISIBILITY).minusSeconds(1))).isEmpty();
  }

  @Test
  void unackedClaim_isClaimableAgainAfterTheTimeout_withAttemptsUnchanged_andSendStarted() {
    // given a worker that marked the send and died
    enqueued(session, T0);
    Claim dead = claim(session, T0.plusSeconds(1));
    assertThat(queue.markSending(dead, T0.plusSeconds(2))).isTrue();

    // when
    Optional<Claim> tooEarly = queue.claimNext(session, dead.visibleUntil().minusSeconds(1));
    Instant later = dead.visibleUntil().plusSeconds(1);
    Claim again = claim(session, later);

    // then
    assertThat(tooEarly).isEmpty();
    assertThat(again.message()).isEqualTo(dead.message());
    assertThat(again.attemptsMade()).isEqualTo(dead.attemptsMade());
    assertThat(again.sendStarted()).isTrue();
    assertThat(again.token()).isNotEqualTo(dead.token());
    assertThat(again.visibleUntil()).isEqualTo(later.plus(VISIBILITY));
  }

  @Test
  void unackedClaim_withoutASendStarted_isReclaimedWithSendStartedFalse() {
    // given a worker that died before sending
    enqueued(session, T0);
    Claim dead = claim(session, T0.plusSeconds(1));

    // when
    Claim again = claim(session, dead.visibleUntil().plusSeconds(1));

    // then
    assertThat(again.sendStarted()).isFalse();
    assertThat(again.attemptsMade()).isZero();
  }

  @Test
  void returnAbandoned_bringsAClaimWithoutASendBackAtOnce_andItsHolderCannotMarkItAnyMore() {
    // given a holder that ended before sending (its message claimed ahead, say)
    enqueued(session, T0);
    Claim abandoned = claim(session, T0.plusSeconds(1));
    Instant now = T0.plusSeconds(5);

    // when
    int returned = queue.returnAbandoned(session, now, now.plusSeconds(60));
    Claim again = claim(session, now);

    // then it need not wait out its visibility timeout, and the former claim is lost
    assertThat(returned).isEqualTo(1);
    assertThat(again.message()).isEqualTo(abandoned.message());
    assertThat(again.sendStarted()).isFalse();
    assertThat(queue.markSending(abandoned, now)).isFalse();
  }

  @Test
  void returnAbandoned_bringsAStartedSendBackAtAskAt_notBefore_stillMarkedStarted() {
    // given a holder that ended while sending
    enqueued(session, T0);
    Claim abandoned = claim(session, T0.plusSeconds(1));
    queue.markSending(abandoned, T0.plusSeconds(2));
    Instant now = T0.plusSeconds(5);
    Instant askAt = now.plusSeconds(60);

    // when
    int returned = queue.returnAbandoned(session, now, askAt);

    // then the gateway is asked once the send is surely over, a minute before its timeout
    assertThat(returned).isEqualTo(1);
    assertThat(askAt).isBefore(abandoned.visibleUntil());
    assertThat(queue.claimNext(session, askAt.minusSeconds(1))).isEmpty();
    Claim again = claim(session, askAt);
    assertThat(again.message()).isEqualTo(abandoned.message());
    assertThat(again.sendStarted()).isTrue();
  }

  @Test
  void returnAbandoned_neverDelaysAClaimPastItsVisibilityTimeout_norTouchesOtherSessions() {
    // given
    enqueued(session, T0);
    String other = Unique.name("session");
    enqueued(other, T0);
    Claim abandoned = claim(session, T0.plusSeconds(1));
    queue.markSending(abandoned, T0.plusSeconds(2));
    Claim elsewhere = claim(other, T0.plusSeconds(1));

    // when askAt lies beyond the claim's own timeout
    int returned =
        queue.returnAbandoned(session, T0.plusSeconds(5), T0.plus(VISIBILITY.multipliedBy(2)));

    // then
    assertThat(returned).isZero();
    assertThat(claim(session, abandoned.visibleUntil()).message()).isEqualTo(abandoned.message());
    assertThat(queue.claimNext(other, T0.plusSeconds(6))).isEmpty();
    assertThat(queue.markSending(elsewhere, T0.plusSeconds(6))).isTrue();
  }

  @Test
  void returnAt_bringsASendWithoutAReplyBackAtAskAt_notBefore_stillMarkedStarted() {
    // given a send that got no reply: the server may still be sending it
    enqueued(session, T0);
    Claim pending = claim(session, T0.plusSeconds(1));
    queue.markSending(pending, T0.plusSeconds(1));
    Instant askAt = T0.plusSeconds(61);

    // when
    boolean returned = queue.returnAt(pending, askAt);

    // then it is asked for once surely over, a minute before its visibility timeout
    assertThat(returned).isTrue();
    assertThat(askAt).isBefore(pending.visibleUntil());
    assertThat(queue.claimNext(session, askAt.minusSeconds(1))).isEmpty();
    Claim again = claim(session, askAt);
    assertThat(again.message()).isEqualTo(pending.message());
    assertThat(again.sendStarted()).isTrue();
  }

  @Test
  void returnAt_neverDelaysAClaimPastItsVisibilityTimeout() {
    // given
    enqueued(session, T0);
    Claim pending = claim(session, T0.plusSeconds(1));
    queue.markSending(pending, T0.plusSeconds(1));

    // when askAt lies beyond the claim's own timeout
    boolean returned = queue.returnAt(pending, pending.visibleUntil().plus(VISIBILITY));

    // then it still comes back at its timeout
    assertThat(returned).isTrue();
    assertThat(claim(session, pending.visibleUntil()).message()).isEqualTo(pending.message());
  }

  @Test
  void returnAt_onALostClaim_returnsFalse_andLeavesTheCurrentClaimAlone() {
    // given a claim timed out and taken by another worker
    enqueued(session, T0);
    Claim lost = claim(session, T0.plusSeconds(1));
    Instant later = lost.visibleUntil().plusSeconds(1);
    Claim current = claim(session, later);

    // when
    boolean returned = queue.returnAt(lost, later.plusSeconds(1));

    // then the current holder keeps it until its own timeout
    assertThat(returned).isFalse();
    assertThat(queue.claimNext(session, current.visibleUntil().minusSeconds(1))).isEmpty();
    assertThat(queue.markSending(current, later.plusSeconds(2))).isTrue();
  }

  @Test
  void lostClaim_canNeitherMarkCompleteReleaseNorDeadLetter_andChangesNothing() {
    // given a claim timed out and taken by another worker
    enqueued(session, T0);
    Claim lost = claim(session, T0.plusSeconds(1));
    Instant later = lost.visibleUntil().plusSeconds(1);
    Claim current = claim(session, later);

    // when
    boolean marked = queue.markSending(lost, later.plusSeconds(1));
    boolean released = queue.release(lost, later, true);
    boolean dead = queue.deadLetter(lost, "TIMEOUT", later.plusSeconds(2));
    boolean completed = queue.complete(lost, later.plusSeconds(3));

    // then
    assertThat(List.of(marked, released, dead, completed)).containsOnly(false);
    assertThat(monitor.counts(session, later.plusSeconds(4)))
        .isEqualTo(new QueueCounts(0, 0, 1, 0));
    assertThat(monitor.deadLetters(10)).isEmpty();
    assertThat(queue.complete(current, later.plusSeconds(5))).isTrue();
    assertThat(monitor.counts(session, later.plusSeconds(6))).isEqualTo(QueueCounts.EMPTY);
  }

  @Test
  void claimPastItsTimeout_notYetTakenByAnother_canStillComplete() {
    // given a slow worker
    enqueued(session, T0);
    Claim slow = claim(session, T0.plusSeconds(1));

    // when
    boolean completed = queue.complete(slow, slow.visibleUntil().plusSeconds(30));

    // then
    assertThat(completed).isTrue();
    assertThat(queue.claimNext(session, slow.visibleUntil().plusSeconds(31))).isEmpty();
  }

  // --- completeAndClaimNext: the worker's hot path ------------------------------------------

  @Test
  void completeAndClaimNext_completesTheClaim_andClaimsTheSessionsNextInFifoOrder() {
    // given three messages and another session's, which must not be taken
    QueuedMessage first = enqueued(session, T0);
    QueuedMessage second = enqueued(session, T0.plusSeconds(1));
    QueuedMessage third = enqueued(session, T0.plusSeconds(2));
    enqueued(Unique.name("other"), T0.plusSeconds(3));
    Claim claimOfFirst = claim(session, T0.plusSeconds(5));
    Instant at = T0.plusSeconds(6);

    // when
    Optional<Claim> claimOfSecond = queue.completeAndClaimNext(claimOfFirst, at);
    Optional<Claim> claimOfThird =
        queue.completeAndClaimNext(claimOfSecond.orElseThrow(), at.plusSeconds(1));

    // then
    assertThat(claimOfFirst.message()).isEqualTo(first);
    assertThat(claimOfSecond.orElseThrow().message()).isEqualTo(second);
    assertThat(claimOfSecond.orElseThrow().visibleUntil()).isEqualTo(at.plus(VISIBILITY));
    assertThat(claimOfSecond.orElseThrow().attemptsMade()).isZero();
    assertThat(claimOfSecond.orElseThrow().sendStarted()).isFalse();
    assertThat(claimOfSecond.orElseThrow().token()).isNotBlank();
    assertThat(claimOfThird.orElseThrow().message()).isEqualTo(third);
    assertThat(monitor.counts(session, at.plusSeconds(2))).isEqualTo(new QueueCounts(0, 0, 1, 0));
    assertThat(queue.claimNext(session, at.plusSeconds(2))).isEmpty();
  }

  @Test
  void completeAndClaimNext_withNothingReady_completesTheClaim_andIsEmpty() {
    // given the session's only other message delayed for ten minutes
    enqueued(session, T0);
    enqueued(session, T0.plusSeconds(1));
    Instant at = T0.plusSeconds(2);
    Claim claim = claim(session, at);
    queue.release(claim(session, at), at.plus(Duration.ofMinutes(10)), false);

    // when
    Optional<Claim> next = queue.completeAndClaimNext(claim, at.plusSeconds(1));

    // then
    assertThat(next).isEmpty();
    assertThat(monitor.counts(session, at.plusSeconds(2))).isEqualTo(new QueueCounts(0, 1, 0, 0));
    assertThat(queue.complete(claim, at.plusSeconds(3))).isFalse();
  }

  @Test
  void completeAndClaimNext_withALostClaim_completesNothing_butStillClaimsTheNext() {
    // given a claim timed out and taken by another worker, and a second message behind it
    QueuedMessage first = enqueued(session, T0);
    QueuedMessage second = enqueued(session, T0.plusSeconds(1));
    Claim lost = claim(session, T0.plusSeconds(2));
    Instant later = lost.visibleUntil().plusSeconds(1);
    Claim current = claim(session, later);

    // when
    Optional<Claim> next = queue.completeAndClaimNext(lost, later.plusSeconds(1));

    // then the current holder's message is untouched and the next one is claimed
    assertThat(current.message()).isEqualTo(first);
    assertThat(next.orElseThrow().message()).isEqualTo(second);
    assertThat(monitor.counts(session, later.plusSeconds(2)))
        .isEqualTo(new QueueCounts(0, 0, 2, 0));
    assertThat(queue.complete(current, later.plusSeconds(3))).isTrue();
    assertThat(queue.complete(next.orElseThrow(), later.plusSeconds(3))).isTrue();
    assertThat(monitor.counts(session, later.plusSeconds(4))).isEqualTo(QueueCounts.EMPTY);
  }

  @Test
  void completeAndClaimNext_keepsTheCompletedKeyForDedupe_untilTheRetentionEnds() {
    // given
    QueuedMessage message = enqueued(session, T0);
    enqueued(session, T0.plusSeconds(1));
    Instant completedAt = T0.plusSeconds(10);
    queue.completeAndClaimNext(claim(session, T0.plusSeconds(5)), completedAt);

    // when
    boolean justAfter = queue.enqueue(message, completedAt.plusSeconds(1));
    boolean lastSecond = queue.enqueue(message, completedAt.plus(RETENTION).minusSeconds(1));
    boolean afterRetention = queue.enqueue(message, completedAt.plus(RETENTION).plusSeconds(1));

    // then
    assertThat(justAfter).isFalse();
    assertThat(lastSecond).isFalse();
    assertThat(afterRetention).isTrue();
  }

  // --- release: delays, FIFO place, attempts -------------------------------------------------

  @Test
  void release_withAFutureReadyAt_isNotClaimableBefore_andClaimableFromReadyAt() {
    // given
    enqueued(session, T0);
    Claim claim = claim(session, T0.plusSeconds(1));
    Instant readyAt = T0.plus(Duration.ofMinutes(10));

    // when
    assertThat(queue.release(claim, readyAt, false)).isTrue();

    // then
    assertThat(queue.claimNext(session, readyAt.minusSeconds(1))).isEmpty();
    assertThat(claim(session, readyAt).message()).isEqualTo(claim.message());
  }

  @Test
  void release_keepsTheMessagesOriginalFifoPlaceAmongReadyMessages() {
    // given
    QueuedMessage first = enqueued(session, T0);
    QueuedMessage second = enqueued(session, T0.plusSeconds(1));
    QueuedMessage third = enqueued(session, T0.plusSeconds(2));
    Claim claimOfFirst = claim(session, T0.plusSeconds(3));
    queue.release(claimOfFirst, T0.plus(Duration.ofMinutes(5)), false);

    // when
    Instant beforeReady = T0.plus(Duration.ofMinutes(1));
    Claim whileDelayed = claim(session, beforeReady);
    queue.release(whileDelayed, beforeReady, false);
    Instant afterReady = T0.plus(Duration.ofMinutes(6));
    List<QueuedMessage> order =
        List.of(
            claim(session, afterReady).message(),
            claim(session, afterReady).message(),
            claim(session, afterReady).message());

    // then
    assertThat(whileDelayed.message()).isEqualTo(second);
    assertThat(order).containsExactly(first, second, third);
  }

  @Test
  void release_withAnAttemptConsumed_countsOneAttempt_andAWaitOrHoldCountsNone() {
    // given
    enqueued(session, T0);
    Claim first = claim(session, T0.plusSeconds(1));

    // when
    queue.release(first, T0.plusSeconds(2), true);
    Claim second = claim(session, T0.plusSeconds(3));
    queue.release(second, T0.plusSeconds(4), false);
    Claim third = claim(session, T0.plusSeconds(5));
    queue.release(third, T0.plusSeconds(6), true);
    Claim fourth = claim(session, T0.plusSeconds(7));

    // then
    assertThat(List.of(first, second, third, fourth))
        .extracting(Claim::attemptsMade)
        .containsExactly(0, 1, 1, 2);
  }

  @Test
  void release_afterAMarkedSend_hasAKnownOutcome_soTheNextClaimHasNoSendStarted() {
    // given a send that failed and was reported
    enqueued(session, T0);
    Claim claim = claim(session, T0.plusSeconds(1));
    queue.markSending(claim, T0.plusSeconds(2));

    // when
    queue.release(claim, T0.plusSeconds(30), true);
    Claim next = claim(session, T0.plusSeconds(30));

    // then
    assertThat(next.sendStarted()).isFalse();
    assertThat(next.attemptsMade()).isEqualTo(1);
  }

  // --- dead letters --------------------------------------------------------------------------

  @Test
  void deadLetter_isListedWithReasonAndAttempts_countedAsDead_andNeverClaimed() {
    // given a message whose third attempt has just failed
    QueuedMessage message = enqueued(session, T0);
    queue.release(claim(session, T0.plusSeconds(1)), T0.plusSeconds(2), true);
    queue.release(claim(session, T0.plusSeconds(3)), T0.plusSeconds(4), true);
    Claim last = claim(session, T0.plusSeconds(5));
    Instant diedAt = T0.plusSeconds(6);

    // when
    boolean moved = queue.deadLetter(last, "GATEWAY_ERROR", diedAt);

    // then the dead letter counts the attempt that just failed
    assertThat(moved).isTrue();
    assertThat(monitor.deadLetters(10))
        .containsExactly(new DeadLetter(message, 3, "GATEWAY_ERROR", diedAt));
    assertThat(monitor.counts(session, diedAt)).isEqualTo(new QueueCounts(0, 0, 0, 1));
    assertThat(queue.claimNext(session, diedAt.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(queue.enqueue(message, diedAt.plusSeconds(1))).isFalse();
  }

  @Test
  void deadLetters_areListedOldestFirst_uptoTheLimit() {
    // given
    QueuedMessage first = enqueued(session, T0);
    QueuedMessage second = enqueued(session, T0.plusSeconds(1));
    QueuedMessage third = enqueued(session, T0.plusSeconds(2));
    Claim c1 = claim(session, T0.plusSeconds(3));
    Claim c2 = claim(session, T0.plusSeconds(3));
    Claim c3 = claim(session, T0.plusSeconds(3));
    queue.deadLetter(c2, "B", T0.plusSeconds(4));
    queue.deadLetter(c3, "C", T0.plusSeconds(5));
    queue.deadLetter(c1, "A", T0.plusSeconds(6));

    // when
    List<DeadLetter> two = monitor.deadLetters(2);
    List<DeadLetter> all = monitor.deadLetters(10);

    // then
    assertThat(two).extracting(DeadLetter::message).containsExactly(second, third);
    assertThat(all).extracting(DeadLetter::message).containsExactly(second, third, first);
    assertThat(all).extracting(DeadLetter::reason).containsExactly("B", "C", "A");
  }

  @Test
  void requeueDead_ofGivenKeys_makesThemClaimableWithFreshAttempts_andLeavesTheOthersDead() {
    // given
    enqueued(session, T0);
    enqueued(session, T0.plusSeconds(1));
    Claim a = claim(session, T0.plusSeconds(2));
    queue.release(a, T0.plusSeconds(3), true);
    a = claim(session, T0.plusSeconds(4));
    Claim b = claim(session, T0.plusSeconds(4));
    queue.deadLetter(a, "GATEWAY_ERROR", T0.plusSeconds(5));
    queue.deadLetter(b, "GATEWAY_ERROR", T0.plusSeconds(6));
    Instant now = T0.plus(Duration.ofHours(1));

    // when
    int requeued =
        monitor.requeueDead(Set.of(keyOf(a), new MessageKey(Unique.name("unknown"))), now);

    // then
    assertThat(requeued).isEqualTo(1);
    Claim again = claim(session, now);
    assertThat(again.message()).isEqualTo(a.message());
    assertThat(again.attemptsMade()).isZero();
    assertThat(again.sendStarted()).isFalse();
    assertThat(monitor.deadLetters(10))
        .extracting(DeadLetter::message)
        .containsExactly(b.message());
    assertThat(queue.claimNext(session, now)).isEmpty();
  }

  @Test
  void requeueDead_withNoKeys_requeuesEveryDeadLetter() {
    // given
    String other = Unique.name("session");
    enqueued(session, T0);
    enqueued(other, T0.plusSeconds(1));
    queue.deadLetter(claim(session, T0.plusSeconds(2)), "X", T0.plusSeconds(3));
    queue.deadLetter(claim(other, T0.plusSeconds(2)), "Y", T0.plusSeconds(3));
    Instant now = T0.plus(Duration.ofHours(1));

    // when
    int requeued = monitor.requeueDead(Set.of(), now);

    // then
    assertThat(requeued).isEqualTo(2);
    assertThat(monitor.deadLetters(10)).isEmpty();
    assertThat(monitor.counts(session, now)).isEqualTo(new QueueCounts(1, 0, 0, 0));
    assertThat(monitor.counts(other, now)).isEqualTo(new QueueCounts(1, 0, 0, 0));
    assertThat(claim(other, now).attemptsMade()).isZero();
  }

  @Test
  void dropDead_ofGivenKeys_forgetsThem_refusesTheirKeysAgain_andLeavesTheOthersDead() {
    // given
    QueuedMessage first = enqueued(session, T0);
    enqueued(session, T0.plusSeconds(1));
    Claim a = claim(session, T0.plusSeconds(2));
    Claim b = claim(session, T0.plusSeconds(2));
    queue.deadLetter(a, "GATEWAY_ERROR", T0.plusSeconds(5));
    queue.deadLetter(b, "GATEWAY_ERROR", T0.plusSeconds(6));
    Instant now = T0.plus(Duration.ofHours(1));

    // when
    int dropped = monitor.dropDead(Set.of(keyOf(a), new MessageKey(Unique.name("unknown"))), now);

    // then
    assertThat(dropped).isEqualTo(1);
    assertThat(monitor.deadLetters(10))
        .extracting(DeadLetter::message)
        .containsExactly(b.message());
    assertThat(queue.claimNext(session, now)).isEmpty();
    assertThat(queue.enqueue(first, now)).as("a dropped key is still known").isFalse();
    assertThat(monitor.counts(session, now)).isEqualTo(new QueueCounts(0, 0, 0, 1));
  }

  @Test
  void dropDead_withNoKeys_dropsEveryDeadLetter() {
    // given
    String other = Unique.name("session");
    enqueued(session, T0);
    enqueued(other, T0.plusSeconds(1));
    queue.deadLetter(claim(session, T0.plusSeconds(2)), "X", T0.plusSeconds(3));
    queue.deadLetter(claim(other, T0.plusSeconds(2)), "Y", T0.plusSeconds(3));
    Instant now = T0.plus(Duration.ofHours(1));

    // when
    int dropped = monitor.dropDead(Set.of(), now);

    // then
    assertThat(dropped).isGreaterThanOrEqualTo(2);
    assertThat(monitor.deadLetters(10)).isEmpty();
    assertThat(monitor.counts(session, now)).isEqualTo(QueueCounts.EMPTY);
    assertThat(monitor.counts(other, now)).isEqualTo(QueueCounts.EMPTY);
  }

  // --- monitoring ----------------------------------------------------------------------------

  @Test
  void counts_sayHowManyMessagesAreInEachStateAtAnInstant() {
    // given two ready, one delayed for ten minutes, one in flight, one dead
    for (int i = 0; i < 5; i++) {
      enqueued(session, T0.plusSeconds(i));
    }
    Instant at = T0.plusSeconds(10);
    queue.deadLetter(claim(session, at), "GATEWAY_ERROR", at);
    queue.release(claim(session, at), at.plus(Duration.ofMinutes(10)), false);
    claim(session, at);

    // when
    QueueCounts now = monitor.counts(session, at);
    QueueCounts whenDelayedIsReady = monitor.counts(session, at.plus(Duration.ofMinutes(1)));
    QueueCounts afterTheClaimTimedOut = monitor.counts(session, at.plus(Duration.ofMinutes(10)));

    // then an expired claim counts as ready again
    assertThat(now).isEqualTo(new QueueCounts(2, 1, 1, 1));
    assertThat(whenDelayedIsReady).isEqualTo(new QueueCounts(2, 1, 1, 1));
    assertThat(afterTheClaimTimedOut).isEqualTo(new QueueCounts(4, 0, 0, 1));
    assertThat(monitor.counts(Unique.name("empty"), at)).isEqualTo(QueueCounts.EMPTY);
  }

  @Test
  void countsByAccount_splitTheSessionsCountsBetweenTheAccountsOnIt() {
    // given a session shared by two accounts (one of them held as SESSION_TAKEN, say):
    // A has a dead letter, one delayed, one in flight and two ready; B has one ready
    Instant at = T0.plusSeconds(10);
    for (int i = 0; i < 5; i++) {
      enqueuedFor("academy-a", T0.plusSeconds(i));
    }
    queue.deadLetter(claim(session, at), "GATEWAY_ERROR", at);
    queue.release(claim(session, at), at.plus(Duration.ofMinutes(10)), false);
    claim(session, at);
    enqueuedFor("academy-b", T0.plusSeconds(6));

    // when
    Map<String, QueueCounts> now = monitor.countsByAccount(session, at);
    Map<String, QueueCounts> afterTheClaimTimedOut =
        monitor.countsByAccount(session, at.plus(Duration.ofMinutes(10)));

    // then each account sees its own, and together they are the session's
    assertThat(now)
        .containsOnly(
            Map.entry("academy-a", new QueueCounts(2, 1, 1, 1)),
            Map.entry("academy-b", new QueueCounts(1, 0, 0, 0)));
    assertThat(now.get("academy-a").plus(now.get("academy-b")))
        .isEqualTo(monitor.counts(session, at));
    assertThat(afterTheClaimTimedOut.get("academy-a")).isEqualTo(new QueueCounts(4, 0, 0, 1));
    assertThat(monitor.countsByAccount(Unique.name("empty"), at)).isEmpty();
  }

  @Test
  void countsByAccount_ofASessionOfOneAccount_areTheSessionsCounts() {
    // given one account's messages: ready, delayed, in flight, dead
    Instant at = T0.plusSeconds(10);
    for (int i = 0; i < 4; i++) {
      enqueuedFor("academy-a", T0.plusSeconds(i));
    }
    queue.deadLetter(claim(session, at), "GATEWAY_ERROR", at);
    queue.release(claim(session, at), at.plus(Duration.ofMinutes(10)), false);
    claim(session, at);

    // when / then
    assertThat(monitor.countsByAccount(session, at))
        .containsOnly(Map.entry("academy-a", monitor.counts(session, at)));
    assertThat(monitor.counts(session, at)).isEqualTo(new QueueCounts(1, 1, 1, 1));
  }

  @Test
  void countsByAccount_forgetAnAccountWhoseMessagesAreGone_andCountTheNextOneAlone() {
    // given a session shared for a while: A's message was delivered, B's waits
    Instant at = T0.plusSeconds(10);
    enqueuedFor("academy-a", T0);
    enqueuedFor("academy-b", T0.plusSeconds(1));
    assertThat(monitor.countsByAccount(session, at)).hasSize(2);
    queue.complete(claim(session, at), at);

    // when
    Map<String, QueueCounts> counts = monitor.countsByAccount(session, at);

    // then only B is left, and B stays alone when C arrives and leaves
    assertThat(counts).containsOnly(Map.entry("academy-b", new QueueCounts(1, 0, 0, 0)));
    enqueuedFor("academy-c", T0.plusSeconds(2));
    assertThat(monitor.countsByAccount(session, at))
        .containsOnly(
            Map.entry("academy-b", new QueueCounts(1, 0, 0, 0)),
            Map.entry("academy-c", new QueueCounts(1, 0, 0, 0)));
  }

  private void enqueuedFor(String uid, Instant at) {
    QueuedMessage message =
        aQueuedMessage().forAccount(uid).inSession(session).enqueuedAt(at).build();
    assertThat(queue.enqueue(message, at)).isTrue();
  }

  @Test
  void nextDue_isNowWhenAMessageIsReady_elseTheEarliestDelayOrClaimTimeout() {
    // given one message delayed ten minutes and one claimed (in flight for VISIBILITY)
    enqueued(session, T0);
    enqueued(session, T0.plusSeconds(1));
    Instant at = T0.plusSeconds(10);
    queue.release(claim(session, at), at.plus(Duration.ofMinutes(10)), false);
    claim(session, at);

    // when / then: the claim times out first, then the delay ends
    assertThat(monitor.nextDue(session, at)).contains(at.plus(VISIBILITY));
    assertThat(monitor.nextDue(session, at.plus(VISIBILITY))).contains(at.plus(VISIBILITY));
    enqueued(session, at.plusSeconds(1));
    assertThat(monitor.nextDue(session, at.plusSeconds(1))).contains(at.plusSeconds(1));
    assertThat(monitor.nextDue(Unique.name("empty"), at)).isEmpty();
  }

  @Test
  void nextDue_ofAHeldMessage_isWhenItsHoldEnds() {
    // given a message held (released without an attempt) for thirty seconds
    enqueued(session, T0);
    queue.release(claim(session, T0), T0.plusSeconds(30), false);

    // then
    assertThat(monitor.nextDue(session, T0.plusSeconds(1))).contains(T0.plusSeconds(30));
    assertThat(monitor.nextDue(session, T0.plusSeconds(31))).contains(T0.plusSeconds(31));
  }

  @Test
  void sessions_listsSessionsWithReadyDelayedOrInFlightWork_andDropsFinishedOnes() {
    // given
    String ready = Unique.name("ready");
    String delayed = Unique.name("delayed");
    String inFlight = Unique.name("in-flight");
    String finished = Unique.name("finished");
    String dead = Unique.name("dead");
    enqueued(ready, T0);
    enqueued(delayed, T0);
    enqueued(inFlight, T0);
    enqueued(finished, T0);
    enqueued(dead, T0);
    Instant at = T0.plusSeconds(1);
    queue.release(claim(delayed, at), at.plus(Duration.ofHours(1)), false);
    claim(inFlight, at);
    queue.complete(claim(finished, at), at);
    queue.deadLetter(claim(dead, at), "GATEWAY_ERROR", at);

    // when
    Set<String> sessions = monitor.sessions();

    // then
    assertThat(sessions).containsExactlyInAnyOrder(ready, delayed, inFlight);
  }

  @Test
  void message_roundTripsExactly_unicodeBodyConsolidatedStudentsAndMatchedFees() {
    // given
    QueuedMessage message =
        aQueuedMessage()
            .forAccount(Unique.name("academy"))
            .inSession(session)
            .ofRule("weekly-urdu", "ہفتہ وار یاد دہانی")
            .forOccurrence("2026-11-12T17:30")
            .forStudents(List.of("stu-002", "stu-001"), List.of("Bilal Raza", "Hira Raza"))
            .to("923001234567")
            .withBody(
                "السلام علیکم عمران صاحب، بلال اور حرا کی اکتوبر، نومبر 2026 کی فیس PKR 12,500.50"
                    + " باقی ہے۔ {شکریہ} \"quotes\" \\ and a new\nline 🙂")
            .withFees(
                List.of(
                    new MatchedFees("stu-002", List.of(YearMonth.of(2026, 10))),
                    new MatchedFees(
                        "stu-001", List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11)))))
            .enqueuedAt(T0.plusMillis(123))
            .build();
    queue.enqueue(message, T0.plusMillis(123));

    // when
    Claim claim = claim(session, T0.plusSeconds(1));

    // then
    assertThat(claim.message()).isEqualTo(message);
  }
}
