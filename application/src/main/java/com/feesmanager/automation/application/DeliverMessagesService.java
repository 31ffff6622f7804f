package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimitPolicy;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.domain.delivery.RetryDecision;
import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * Delivers one message of a session per call (SPEC §4–§6). The order of checks is deliberate: a
 * message from a previous holder that died mid-send is never sent again (UNKNOWN_OUTCOME); quiet
 * hours and the balance re-check come before a rate-limit slot is taken; nothing that only waits
 * (quiet hours, limits, a session down) consumes an attempt.
 *
 * <p>A step that completes a message claims the session's next one in the same queue call and keeps
 * it for the session's next step, where it goes through every check as if claimed then; {@link
 * #pause} hands it back.
 */
public final class DeliverMessagesService implements DeliverMessagesUseCase {

  static final String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";
  static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";
  static final String STUDENT_REMOVED = "STUDENT_REMOVED";

  private final MessageQueue queue;
  private final AccountDirectory accounts;
  private final StudentDirectory students;
  private final RateLimitLedger ledger;
  private final WhatsAppGateway gateway;
  private final DeliveryLog deliveryLog;
  private final Alerts alerts;
  private final DailyTally tally;
  private final AutomationSettings settings;
  private final RandomGenerator random;

  /** Per session, the message claimed by the step that completed the previous one. */
  private final ConcurrentMap<String, Claim> claimedAhead = new ConcurrentHashMap<>();

  public DeliverMessagesService(
      MessageQueue queue,
      AccountDirectory accounts,
      StudentDirectory students,
      RateLimitLedger ledger,
      WhatsAppGateway gateway,
      DeliveryLog deliveryLog,
      Alerts alerts,
      DailyTally tally,
      AutomationSettings settings,
      RandomGenerator random) {
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.ledger = Objects.requireNonNull(ledger, "'ledger' must not be null");
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.random = Objects.requireNonNull(random, "'random' must not be null");
  }

  @Override
  public DeliveryStep deliverNext(DeliverNextCommand command) {
    Instant now = command.now();
    Optional<Claim> next =
        takeClaimedAhead(command.session(), now).or(() -> queue.claimNext(command.session(), now));
    if (next.isEmpty()) {
      return new DeliveryStep.Idle();
    }
    Claim claim = next.get();
    QueuedMessage queued = claim.message();
    MessageKey key = queued.key();
    if (claim.sendStarted()) {
      return unknownOutcome(claim, "a worker died while sending; not sent again", now);
    }
    Optional<AccountSettings> account = accounts.account(queued.uid());
    if (account.isEmpty()) {
      return fail(claim, ACCOUNT_NOT_FOUND, now);
    }
    var automation = account.get().automation();
    var zone = account.get().timezone();

    RateDecision quiet = RateLimitPolicy.quietHours(automation.quietHours(), zone, now);
    if (quiet instanceof RateDecision.WaitUntil wait) {
      return waitUntil(claim, wait);
    }
    Optional<String> stale = paidSinceQueued(queued);
    if (stale.isPresent()) {
      return skip(claim, stale.get(), now);
    }
    RateLimits limits =
        new RateLimits(
            automation.maxPerHour(), automation.maxPerDay(), settings.minSendInterval(), zone);
    RateDecision slot =
        ledger.reserve(
            queued.session(),
            limits,
            RateLimitPolicy.jitteredGap(settings.minSendInterval(), random),
            now);
    if (slot instanceof RateDecision.WaitUntil wait) {
      return waitUntil(claim, wait);
    }
    if (!queue.markSending(claim, now)) {
      return new DeliveryStep.Idle();
    }
    SendResult result =
        gateway.send(queued.session(), queued.message().to(), queued.message().body());
    return outcome(claim, result, now);
  }

  @Override
  public void pause(PauseCommand command) {
    Claim ahead = claimedAhead.remove(command.session());
    if (ahead != null) {
      handBack(ahead, command.now());
    }
  }

  /** The claim made ahead for this step, unless it timed out (then it is claimed afresh). */
  private Optional<Claim> takeClaimedAhead(String session, Instant now) {
    Claim ahead = claimedAhead.remove(session);
    return ahead != null && now.isBefore(ahead.visibleUntil())
        ? Optional.of(ahead)
        : Optional.empty();
  }

  /**
   * Puts an unused claim back, ready at once in its FIFO place, without using an attempt. One whose
   * previous holder died mid-send stays claimed, because a release would forget that: it comes back
   * after the visibility timeout and is then reported, never sent (UNKNOWN_OUTCOME).
   */
  private void handBack(Claim ahead, Instant now) {
    if (!ahead.sendStarted()) {
      queue.release(ahead, now, false);
    }
  }

  /** Completes the message and, in the same queue call, claims the session's next one. */
  private void complete(Claim claim, Instant now) {
    Optional<Claim> next = queue.completeAndClaimNext(claim, now);
    if (next.isPresent()) {
      Claim displaced = claimedAhead.put(claim.message().session(), next.get());
      if (displaced != null) {
        // only when two callers step the same session at once; the older claim is not needed
        handBack(displaced, now);
      }
    }
  }

  // Java 17 has no pattern switch; the sealed hierarchy keeps this chain exhaustive by review.
  private DeliveryStep outcome(Claim claim, SendResult result, Instant now) {
    QueuedMessage queued = claim.message();
    if (result instanceof SendResult.Sent sent) {
      return sent(claim, sent, now);
    }
    if (result instanceof SendResult.Failed failed) {
      return failed(claim, failed, now);
    }
    if (result instanceof SendResult.SessionDown) {
      return hold(claim, "SESSION_DOWN", now);
    }
    if (result instanceof SendResult.Unreachable) {
      return hold(claim, "GATEWAY_UNREACHABLE", now);
    }
    if (result instanceof SendResult.Misconfigured wrong) {
      alert(queued, Alert.Level.CRITICAL, "GATEWAY_MISCONFIGURED", wrong.detail(), now);
      return hold(claim, "GATEWAY_MISCONFIGURED", now);
    }
    if (result instanceof SendResult.AuthenticationFailed auth) {
      alert(queued, Alert.Level.CRITICAL, "AUTHENTICATION_FAILED", auth.detail(), now);
      return hold(claim, "AUTHENTICATION_FAILED", now);
    }
    SendResult.UnknownOutcome unknown = (SendResult.UnknownOutcome) result;
    return unknownOutcome(claim, unknown.detail(), now);
  }

  /** Empty when the message should still go; else why not (every student paid, or removed). */
  private Optional<String> paidSinceQueued(QueuedMessage queued) {
    boolean anyStudentFound = false;
    for (MatchedFees fees : queued.message().fees()) {
      var student = students.student(queued.uid(), fees.studentId());
      if (student.isPresent()) {
        anyStudentFound = true;
        if (!Money.ZERO.equals(fees.balanceNow(student.get()))) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(anyStudentFound ? SkipReason.PAID_SINCE_QUEUED.code() : STUDENT_REMOVED);
  }

  private DeliveryStep waitUntil(Claim claim, RateDecision.WaitUntil wait) {
    queue.release(claim, wait.until(), false);
    return new DeliveryStep.Waiting(
        claim.message().uid(), claim.message().key(), wait.until(), wait.reason());
  }

  private DeliveryStep hold(Claim claim, String reason, Instant now) {
    queue.release(claim, now.plus(settings.holdDelay()), false);
    return new DeliveryStep.Held(claim.message().uid(), claim.message().key(), reason);
  }

  private DeliveryStep sent(Claim claim, SendResult.Sent sent, Instant now) {
    QueuedMessage queued = claim.message();
    deliveryLog.record(
        MessageLogs.of(queued, MessageStatus.SENT, Optional.empty(), claim.attemptsMade() + 1, now)
            .withProviderMessageId(sent.providerMessageId()));
    complete(claim, now);
    count(queued, DailyTally.Outcome.SENT, now);
    return new DeliveryStep.Sent(queued.uid(), queued.key());
  }

  private DeliveryStep failed(Claim claim, SendResult.Failed failed, Instant now) {
    QueuedMessage queued = claim.message();
    int attempts = claim.attemptsMade() + 1;
    RetryDecision decision = settings.retry().afterFailure(attempts, failed.kind(), random);
    if (decision instanceof RetryDecision.RetryAfter retry) {
      Instant at = now.plus(retry.delay());
      deliveryLog.record(
          MessageLogs.of(
              queued, MessageStatus.QUEUED, Optional.of(failed.reason()), attempts, now));
      queue.release(claim, at, true);
      return new DeliveryStep.Retrying(queued.uid(), queued.key(), at, failed.reason());
    }
    if (decision instanceof RetryDecision.Fail) {
      deliveryLog.record(
          MessageLogs.of(
              queued, MessageStatus.FAILED, Optional.of(failed.reason()), attempts, now));
      complete(claim, now);
      count(queued, DailyTally.Outcome.FAILED, now);
      return new DeliveryStep.Failed(queued.uid(), queued.key(), failed.reason());
    }
    deliveryLog.record(
        MessageLogs.of(queued, MessageStatus.DEAD, Optional.of(failed.reason()), attempts, now));
    queue.deadLetter(claim, failed.reason(), now);
    count(queued, DailyTally.Outcome.FAILED, now);
    alert(
        queued,
        Alert.Level.CRITICAL,
        "MESSAGE_DEAD",
        "gave up after " + attempts + " attempts: " + failed.reason(),
        now);
    return new DeliveryStep.Dead(queued.uid(), queued.key(), failed.reason());
  }

  private DeliveryStep skip(Claim claim, String reason, Instant now) {
    finish(claim, MessageStatus.SKIPPED, reason, now);
    count(claim.message(), DailyTally.Outcome.SKIPPED, now);
    return new DeliveryStep.Skipped(claim.message().uid(), claim.message().key(), reason);
  }

  private DeliveryStep fail(Claim claim, String reason, Instant now) {
    finish(claim, MessageStatus.FAILED, reason, now);
    count(claim.message(), DailyTally.Outcome.FAILED, now);
    return new DeliveryStep.Failed(claim.message().uid(), claim.message().key(), reason);
  }

  /** Ends a message that was not attempted in this claim: logged and completed. */
  private void finish(Claim claim, MessageStatus status, String reason, Instant now) {
    deliveryLog.record(
        MessageLogs.of(claim.message(), status, Optional.of(reason), claim.attemptsMade(), now));
    complete(claim, now);
  }

  /** A duplicate reminder is worse than a late one: record, alert, never resend (SPEC §6). */
  private DeliveryStep unknownOutcome(Claim claim, String detail, Instant now) {
    QueuedMessage queued = claim.message();
    deliveryLog.record(
        MessageLogs.of(
            queued,
            MessageStatus.FAILED,
            Optional.of(UNKNOWN_OUTCOME),
            claim.attemptsMade() + 1,
            now));
    complete(claim, now);
    count(queued, DailyTally.Outcome.FAILED, now);
    alert(queued, Alert.Level.CRITICAL, UNKNOWN_OUTCOME, detail, now);
    return new DeliveryStep.Failed(queued.uid(), queued.key(), UNKNOWN_OUTCOME);
  }

  /** Counts the outcome on the account's local day (UTC if the account is gone). */
  private void count(QueuedMessage queued, DailyTally.Outcome outcome, Instant now) {
    ZoneId zone =
        accounts.account(queued.uid()).map(AccountSettings::timezone).orElse(ZoneOffset.UTC);
    tally.count(queued.uid(), LocalDate.ofInstant(now, zone), outcome);
  }

  private void alert(
      QueuedMessage queued, Alert.Level level, String event, String detail, Instant now) {
    alerts.raise(
        new Alert(
            level,
            event,
            queued.uid(),
            "Message " + queued.key() + " to " + queued.message().to().masked() + ": " + detail,
            now));
  }
}
