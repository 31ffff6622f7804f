package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.delivery.FailureKind;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimitPolicy;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.domain.delivery.RetryDecision;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionBindings;
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
 * Delivers one message of a session per call (SPEC §4–§6). The order of checks is deliberate: an
 * operator's hold of the account first (the message waits, untouched), then quiet hours, then the
 * data as it is now (switched off, opted out, paid: SKIPPED), then the durable log (a message
 * logged SENT is never sent again, even when Redis has lost its data), then the session's binding,
 * and only then a rate-limit slot, which is given back when the send does not reach the gateway.
 *
 * <p>A send whose outcome is unknown — an ambiguous reply, or a previous holder that died after
 * marking the send started — is never blindly repeated: the gateway is asked whether it went out.
 *
 * <p>Failures inside a step: data or stores that cannot answer hold the message (no attempt used);
 * any other exception before the send uses an attempt and, after the last, makes the message DEAD
 * with {@code PROCESSING_ERROR}; after the send has started, the message is left claimed, so it
 * comes back once that send is surely over ({@code sendGrace}, never later than the visibility
 * timeout) and its outcome is asked for, never sent blindly.
 *
 * <p>A step that completes a message claims the session's next one in the same queue call and keeps
 * it for the session's next step, where it goes through every check as if claimed then; {@link
 * #pause} hands it back.
 */
public final class DeliverMessagesService implements DeliverMessagesUseCase {

  static final String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";
  static final String PROCESSING_ERROR = "PROCESSING_ERROR";
  static final String NOT_SENT = "NOT_SENT";
  static final String ALREADY_SENT = "ALREADY_SENT";
  static final String DATA_UNAVAILABLE = "DATA_UNAVAILABLE";
  static final String SESSION_TAKEN = "SESSION_TAKEN";
  static final String OPERATOR_HOLD = "OPERATOR_HOLD";

  private final MessageQueue queue;
  private final AccountDirectory accounts;
  private final OperatorHolds holds;
  private final SendTimeTruth truth;
  private final RateLimitLedger ledger;
  private final WhatsAppGateway gateway;
  private final DeliveryLog deliveryLog;
  private final SessionBindings bindings;
  private final Alerts alerts;
  private final AccountProblems problems;
  private final DailyTally tally;
  private final AutomationSettings settings;
  private final RandomGenerator random;

  /** Per session, the message claimed by the step that completed the previous one. */
  private final ConcurrentMap<String, Claim> claimedAhead = new ConcurrentHashMap<>();

  /**
   * Each account's time zone as its latest attempt read it: an outcome is counted on the account's
   * local day without reading the account again right after the send (issue 16: one Firestore read
   * per message less while the minute's firing still reads). One entry per account served.
   */
  private final ConcurrentMap<String, ZoneId> zones = new ConcurrentHashMap<>();

  public DeliverMessagesService(
      MessageQueue queue,
      AccountDirectory accounts,
      OperatorHolds holds,
      SendTimeTruth truth,
      RateLimitLedger ledger,
      WhatsAppGateway gateway,
      DeliveryLog deliveryLog,
      SessionBindings bindings,
      Alerts alerts,
      AccountProblems problems,
      DailyTally tally,
      AutomationSettings settings,
      RandomGenerator random) {
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.holds = Objects.requireNonNull(holds, "'holds' must not be null");
    this.truth = Objects.requireNonNull(truth, "'truth' must not be null");
    this.ledger = Objects.requireNonNull(ledger, "'ledger' must not be null");
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.bindings = Objects.requireNonNull(bindings, "'bindings' must not be null");
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.problems = Objects.requireNonNull(problems, "'problems' must not be null");
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
    Attempt attempt = new Attempt(claim, now);
    try {
      return claim.sendStarted() ? resolveEarlierSend(claim, now) : attempt.run();
    } catch (InfrastructureException e) {
      if (attempt.sendStarted || claim.sendStarted()) {
        return leaveClaimed(claim, now);
      }
      attempt.refundSlot();
      return hold(claim, DATA_UNAVAILABLE, now);
    } catch (RuntimeException e) {
      if (attempt.sendStarted || claim.sendStarted()) {
        return leaveClaimed(claim, now);
      }
      attempt.refundSlot();
      return poisoned(claim, e, now);
    }
  }

  @Override
  public void pause(PauseCommand command) {
    Claim ahead = claimedAhead.remove(command.session());
    if (ahead != null) {
      handBack(ahead, command.now());
    }
  }

  /**
   * The minute's preparation: each session's binding is read into the adapter's cache, so the
   * minute's first send does not wait on it (a read, or the create transaction, of several round
   * trips). Best effort: a session whose binding cannot be read now is read by its send, as before.
   */
  @Override
  public void warm(WarmCommand command) {
    for (String session : command.sessions()) {
      bestEffort(() -> bindings.warm(session, command.now()));
    }
  }

  /** One try at sending a claimed message; remembers what the failure handlers must undo. */
  private final class Attempt {
    private final Claim claim;
    private final QueuedMessage queued;
    private final Instant now;
    private boolean slotReserved;
    private boolean sendStarted;

    Attempt(Claim claim, Instant now) {
      this.claim = claim;
      this.queued = claim.message();
      this.now = now;
    }

    DeliveryStep run() {
      if (holds.heldSince(queued.uid()).isPresent()) {
        // the operator holds the account: the message waits as it is (no attempt, nothing read)
        return waitUntil(
            claim, new RateDecision.WaitUntil(now.plus(settings.holdDelay()), OPERATOR_HOLD));
      }
      SendTimeTruth.Reading reading = truth.read(queued);
      Optional<AccountSettings> account = reading.account();
      account.ifPresent(read -> zones.put(queued.uid(), read.timezone()));
      if (account.isPresent() && account.get().automation().enabled()) {
        RateDecision quiet =
            RateLimitPolicy.quietHours(
                account.get().automation().quietHours(), account.get().timezone(), now);
        if (quiet instanceof RateDecision.WaitUntil wait) {
          return waitUntil(claim, wait);
        }
      }
      Optional<SkipReason> stale = reading.reasonNotToSend();
      if (stale.isPresent()) {
        return skip(claim, stale.get().code(), now);
      }
      if (reading.alreadySent()) {
        complete(claim, now);
        return new DeliveryStep.Skipped(queued.uid(), queued.key(), ALREADY_SENT);
      }
      if (bindings.bind(queued.session(), queued.uid(), now)
          instanceof SessionBindings.Binding.Taken taken) {
        return sessionTaken(claim, taken, now);
      }
      problems.clear(queued.uid(), AccountProblems.Source.DELIVERY, SESSION_TAKEN);
      var automation = account.orElseThrow().automation();
      RateLimits limits =
          new RateLimits(
              automation.maxPerHour(),
              automation.maxPerDay(),
              settings.minSendInterval(),
              account.get().timezone());
      RateDecision slot =
          ledger.reserve(
              queued.session(),
              limits,
              RateLimitPolicy.jitteredGap(settings.minSendInterval(), random),
              now);
      if (slot instanceof RateDecision.WaitUntil wait) {
        return waitUntil(claim, wait);
      }
      slotReserved = true;
      if (!queue.markSending(claim, now)) {
        refundSlot();
        return new DeliveryStep.Idle();
      }
      sendStarted = true;
      SendResult result =
          gateway.send(queued.session(), queued.message().to(), queued.message().body());
      return outcome(this, result);
    }

    /** The send did not reach the gateway: its slot is given back (SPEC §5). */
    void refundSlot() {
      if (slotReserved) {
        slotReserved = false;
        // best effort: a refund lost to a store failure costs one slot, not the message
        bestEffort(() -> ledger.refund(queued.session(), now));
      }
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
   * after the visibility timeout and its outcome is then asked for, never sent blindly.
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
  private DeliveryStep outcome(Attempt attempt, SendResult result) {
    Claim claim = attempt.claim;
    QueuedMessage queued = claim.message();
    Instant now = attempt.now;
    if (result instanceof SendResult.Sent sent) {
      return sent(claim, sent.providerMessageId(), now);
    }
    if (result instanceof SendResult.Failed failed) {
      return failed(claim, failed, now);
    }
    if (result instanceof SendResult.UnknownOutcome unknown) {
      if (unknown.noReply()) {
        // no reply: the server may still be sending it (issue 13: a reply slower than WPP_TIMEOUT
        // went out after the chat was looked at, and the retry made a duplicate). The claim stays,
        // marked started, and is asked for once the send is surely over.
        return leaveClaimed(claim, now);
      }
      // asked at once: the server answers an ambiguous send only after WhatsApp took or refused it
      return resolve(claim, now, unknown.detail(), now);
    }
    // the send never reached the gateway: no capacity used
    attempt.refundSlot();
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
    SendResult.AuthenticationFailed auth = (SendResult.AuthenticationFailed) result;
    alert(queued, Alert.Level.CRITICAL, "AUTHENTICATION_FAILED", auth.detail(), now);
    return hold(claim, "AUTHENTICATION_FAILED", now);
  }

  /**
   * A previous holder died after marking the send started: whether it went out is asked, with the
   * enqueue time as the earliest the send can have been (the mark's own time is not kept).
   */
  private DeliveryStep resolveEarlierSend(Claim claim, Instant now) {
    return resolve(
        claim,
        claim.message().enqueuedAt(),
        "a worker died while sending; its outcome was asked for",
        now);
  }

  /** Asks the gateway whether a send went out (SPEC §6): found, surely not, or no answer. */
  private DeliveryStep resolve(Claim claim, Instant sentNotBefore, String detail, Instant now) {
    QueuedMessage queued = claim.message();
    SentLookup lookup =
        gateway.findSent(
            queued.session(), queued.message().to(), queued.message().body(), sentNotBefore);
    if (lookup instanceof SentLookup.Found found) {
      return sent(claim, found.providerMessageId(), now);
    }
    if (lookup instanceof SentLookup.NotFound) {
      return failed(
          claim,
          new SendResult.Failed(
              FailureKind.RETRYABLE, NOT_SENT, detail + "; the chat has no such message"),
          now);
    }
    if (lookup instanceof SentLookup.NotNow) {
      // the server or session is away: asked again once it may be back, as a send would be held
      // (issue 13: asked during an outage, a sent message was failed UNKNOWN_OUTCOME for good)
      return askAgainAt(claim, now.plus(settings.holdDelay()));
    }
    SentLookup.NoAnswer none = (SentLookup.NoAnswer) lookup;
    return unknownOutcome(claim, detail + "; the gateway could not tell: " + none.detail(), now);
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

  /**
   * The send may have gone out: the claim stays and comes back, to be asked for, once a send begun
   * in the step started at {@code stepStart} is surely over — sooner than its visibility timeout
   * (issue 13: a reply slower than WPP_TIMEOUT was settled only two minutes later). If Redis cannot
   * take that now, the visibility timeout still brings it back.
   */
  private DeliveryStep leaveClaimed(Claim claim, Instant stepStart) {
    return askAgainAt(claim, stepStart.plus(settings.sendGrace()));
  }

  /** The claim stays, marked started, and comes back at {@code askAt} to be asked for. */
  private DeliveryStep askAgainAt(Claim claim, Instant askAt) {
    bestEffort(() -> queue.returnAt(claim, askAt));
    return new DeliveryStep.Held(
        claim.message().uid(), claim.message().key(), DeliveryStep.Held.OUTCOME_PENDING);
  }

  private DeliveryStep sessionTaken(Claim claim, SessionBindings.Binding.Taken taken, Instant now) {
    QueuedMessage queued = claim.message();
    String text =
        "session '"
            + queued.session()
            + "' sends for another account (bound "
            + taken.boundAt()
            + "); messages wait until the operator runs: session rebind "
            + queued.session()
            + " --account "
            + queued.uid();
    problems.report(
        queued.uid(),
        AccountProblems.Source.DELIVERY,
        new AccountProblem(SESSION_TAKEN, Optional.empty(), Optional.empty(), text, now));
    alerts.raise(new Alert(Alert.Level.CRITICAL, SESSION_TAKEN, queued.uid(), text, now));
    return hold(claim, SESSION_TAKEN, now);
  }

  private DeliveryStep sent(Claim claim, String providerMessageId, Instant now) {
    QueuedMessage queued = claim.message();
    deliveryLog.record(
        MessageLogs.of(queued, MessageStatus.SENT, Optional.empty(), claim.attemptsMade() + 1, now)
            .withProviderMessageId(providerMessageId));
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

  /**
   * An exception while handling a message before its send (a bug, data the code cannot handle): one
   * attempt used, so it cannot loop forever. The queue moves first; the log, tally and alert are
   * best effort, since they may be what throws.
   */
  private DeliveryStep poisoned(Claim claim, RuntimeException e, Instant now) {
    QueuedMessage queued = claim.message();
    int attempts = claim.attemptsMade() + 1;
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    RetryDecision decision = settings.retry().afterFailure(attempts, FailureKind.RETRYABLE, random);
    if (decision instanceof RetryDecision.RetryAfter retry) {
      Instant at = now.plus(retry.delay());
      queue.release(claim, at, true);
      bestEffort(
          () ->
              deliveryLog.record(
                  MessageLogs.of(
                      queued, MessageStatus.QUEUED, Optional.of(PROCESSING_ERROR), attempts, now)));
      return new DeliveryStep.Retrying(queued.uid(), queued.key(), at, PROCESSING_ERROR);
    }
    queue.deadLetter(claim, PROCESSING_ERROR, now);
    bestEffort(
        () ->
            deliveryLog.record(
                MessageLogs.of(
                    queued, MessageStatus.DEAD, Optional.of(PROCESSING_ERROR), attempts, now)));
    bestEffort(() -> count(queued, DailyTally.Outcome.FAILED, now));
    alert(
        queued,
        Alert.Level.CRITICAL,
        "MESSAGE_DEAD",
        "gave up after " + attempts + " attempts: " + PROCESSING_ERROR + " (" + detail + ")",
        now);
    return new DeliveryStep.Dead(queued.uid(), queued.key(), PROCESSING_ERROR);
  }

  private static void bestEffort(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException ignored) {
      // the message's state is already safe in the queue; the step is what keeps failing
    }
  }

  private DeliveryStep skip(Claim claim, String reason, Instant now) {
    finish(claim, MessageStatus.SKIPPED, reason, now);
    count(claim.message(), DailyTally.Outcome.SKIPPED, now);
    return new DeliveryStep.Skipped(claim.message().uid(), claim.message().key(), reason);
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

  /**
   * Counts the outcome on the account's local day, in the zone its latest attempt read (else read
   * now; UTC if the account is gone).
   */
  private void count(QueuedMessage queued, DailyTally.Outcome outcome, Instant now) {
    try {
      ZoneId zone = zones.get(queued.uid());
      if (zone == null) {
        zone = accounts.account(queued.uid()).map(AccountSettings::timezone).orElse(ZoneOffset.UTC);
      }
      tally.count(queued.uid(), LocalDate.ofInstant(now, zone), outcome);
    } catch (InfrastructureException e) {
      // the message's outcome is recorded; a lost count only makes today's figure low
    }
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
