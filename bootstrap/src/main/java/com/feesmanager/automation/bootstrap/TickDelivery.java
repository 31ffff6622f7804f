package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.DrainReport;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.Left;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The delivery half of a {@link Tick}: draining the queue under each session's lease, and one line
 * per session that still has messages afterwards.
 */
final class TickDelivery {

  private TickDelivery() {}

  /** One line on a session that still has messages, for the operator. */
  static String describe(Left left, Optional<SessionState> down) {
    String at = left.nextAt().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("?");
    return switch (left.state()) {
      case HELD ->
          "held: session "
              + left.session()
              + " ("
              + left.reason()
              + "), stays queued for the next run; next try at "
              + at;
      case WAITING -> "waiting: session " + left.session() + " (" + left.reason() + ") until " + at;
      case QUEUED ->
          down.isPresent()
              ? "held: session "
                  + left.session()
                  + " (WhatsApp session "
                  + down.get()
                  + "), stays queued for the next run; next try at "
                  + at
              : "waiting: session " + left.session() + ", next message due at " + at;
      case LEASED_ELSEWHERE ->
          "left to another worker: session "
              + left.session()
              + " (it holds the session's lease and delivers it)";
    };
  }

  /** The session's state when it cannot send; empty when it can (the gateway is asked once). */
  static Optional<SessionState> sessionDown(Injector injector, String session) {
    SessionState state = injector.getInstance(WhatsAppGateway.class).sessionState(session);
    return state.canSend() ? Optional.empty() : Optional.of(state);
  }

  static int pending(Injector injector, Clock clock, String session) {
    return (int)
        Math.min(
            Integer.MAX_VALUE,
            injector.getInstance(QueueMonitor.class).counts(session, clock.instant()).pending());
  }

  /**
   * How long the tick's hold on a session's lease lasts; renewed before every step, so it only has
   * to outlive one step (a send within WPP_TIMEOUT and the lookups around it).
   */
  static final Duration LEASE_TTL = Duration.ofMinutes(2);

  /**
   * Delivers until the queue is empty or {@code budget} passes, waiting for held and delayed
   * messages that come due within it, each session under its lease. With no session holding ready,
   * delayed or in-flight messages every session would answer idle at once, so the delivery side
   * (and with it the wppconnect client) is not built at all: the common tick, with nothing due,
   * stays cheap. The sessions of {@code accounts}, the tick's scan (read again when it failed), are
   * drained too.
   */
  static DrainReport drain(
      Injector injector, Optional<AccountScan> accounts, Clock clock, Duration budget)
      throws InterruptedException {
    QueueMonitor monitor = injector.getInstance(QueueMonitor.class);
    Set<String> sessions = new TreeSet<>(monitor.sessions());
    if (sessions.isEmpty()) {
      return DrainReport.NOTHING;
    }
    AccountScan scan =
        accounts.orElseGet(() -> injector.getInstance(AccountDirectory.class).enabledAccounts());
    for (AccountSettings account : scan.accounts()) {
      sessions.add(account.automation().wppSession());
    }
    DrainQueuesUseCase drainer =
        new QueueDrainer(
            injector.getInstance(DeliverMessagesUseCase.class),
            monitor::nextDue,
            new QueueDrainer.Sharing(
                injector.getInstance(SessionLeases.class),
                owner(),
                LEASE_TTL,
                injector.getInstance(AutomationSettings.class).holdDelay()),
            clock,
            QueueDrainer.Sleeper.onClock(clock));
    return drainer.drain(sessions, clock.instant().plus(budget), (session, step) -> {});
  }

  /** This tick's name as a lease owner: unique among the processes sharing Redis. */
  private static String owner() {
    return "tick-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
