package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.application.QueueDrainer.DrainReport;
import com.feesmanager.automation.application.QueueDrainer.Left;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One server-backed tick (SPEC §8 {@code tick}) as a library call, so that every one-shot runner
 * (the {@code tick} command, external cron, a function platform) shares the daemon's wiring.
 */
public final class Tick {

  /**
   * What one tick did: the SPEC §8 exit code (0 ok, 1 attention needed, 2 configuration), the
   * occurrences handled, the delivery counts, and the one-line error when the tick could not run.
   */
  public record Report(
      int exitCode,
      int occurrences,
      int sent,
      int skipped,
      int failed,
      int dead,
      int held,
      int waiting,
      String error) {

    /** Validates the report. */
    public Report {
      if (exitCode < 0 || exitCode > 2) {
        throw new IllegalArgumentException("exit code must be 0, 1 or 2");
      }
      Objects.requireNonNull(error, "error");
    }

    static Report failure(int exitCode, String error) {
      return new Report(exitCode, 0, 0, 0, 0, 0, 0, 0, error);
    }

    /** The report as a flat map (for a function platform's JSON answer). */
    public Map<String, Object> toMap() {
      var map = new java.util.LinkedHashMap<String, Object>();
      map.put("exitCode", exitCode);
      map.put("occurrences", occurrences);
      map.put("sent", sent);
      map.put("skipped", skipped);
      map.put("failed", failed);
      map.put("dead", dead);
      map.put("held", held);
      map.put("waiting", waiting);
      if (!error.isEmpty()) {
        map.put("error", error);
      }
      return map;
    }
  }

  private Tick() {}

  /** How far ahead of the real time a server-backed tick may run (a cron started early). */
  static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(1);

  /**
   * A server-backed tick runs wholly at its instant, so one in the future would record its sends in
   * the shared rate-limit ledger at that time and hold every real send of those sessions (the
   * minimum gap, the caps) until then; it is refused.
   */
  static Optional<String> futureProblem(Instant at, Instant now) {
    if (at.isAfter(now.plus(FUTURE_ALLOWANCE))) {
      return Optional.of(
          "--at "
              + at
              + " is in the future: a tick on the servers would record its sends at that time"
              + " and hold real sends until then; use preview --at, or tick --data");
    }
    return Optional.empty();
  }

  /**
   * Loads the configuration from {@code environment} (and {@code .env}), opens the clients, fires
   * what is due at {@code clock}'s instant, delivers until the queue is empty or {@code budget}
   * passes, closes the clients; never throws for configuration or infrastructure failures (they
   * become exit codes 2 and 1 with a one-line error).
   */
  public static Report run(
      Map<String, String> environment, Clock clock, Duration budget, PrintStream out)
      throws InterruptedException {
    return run(environment, clock, Optional.empty(), budget, out);
  }

  /**
   * As {@link #run(Map, Clock, Duration, PrintStream)}, firing what is due at {@code start} when
   * given (the {@code tick --at} instant exactly), else at the clock's instant once the clients are
   * open.
   */
  static Report run(
      Map<String, String> environment,
      Clock clock,
      Optional<Instant> start,
      Duration budget,
      PrintStream out)
      throws InterruptedException {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(out, "out");
    if (budget.isNegative()) {
      return Report.failure(2, "the time budget must not be negative");
    }
    Optional<String> future = futureProblem(start.orElseGet(clock::instant), Instant.now());
    if (future.isPresent()) {
      return Report.failure(2, future.get());
    }
    AtomicReference<Report> report = new AtomicReference<>();
    try {
      ServerRuntime.run(
          environment,
          clock,
          (injector, config, clients) -> {
            RedisPersistenceCheck.run(
                clients.redis(), injector.getInstance(AccountProblems.class), clock.instant());
            report.set(on(injector, clock, start.orElseGet(clock::instant), budget, out));
            return report.get().exitCode();
          });
      return report.get();
    } catch (UsageProblem e) {
      return Report.failure(2, e.getMessage());
    } catch (InfrastructureException e) {
      return Report.failure(1, e.getMessage());
    } catch (RuntimeException e) {
      return Report.failure(
          1, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** One tick on an already wired process (server or embedded adapters). */
  static Report on(Injector injector, Clock clock, Instant start, Duration budget, PrintStream out)
      throws InterruptedException {
    FireReport fired =
        injector
            .getInstance(FireDueOccurrencesUseCase.class)
            .fireDueOccurrences(new FireDueOccurrencesCommand(start));
    fired
        .occurrences()
        .forEach(
            o ->
                out.printf(
                    "%s %s %s %s: matched %d, queued %d, skipped %d%n",
                    o.outcome(),
                    o.uid(),
                    o.ruleId(),
                    o.occurrence(),
                    o.matched(),
                    o.queued(),
                    o.skipped()));
    fired.problems().forEach(p -> out.println("problem: " + p));
    DrainReport report = drain(injector, clock, budget);
    int held = report.held();
    int waiting = report.waiting();
    for (Left left : report.left()) {
      Optional<SessionState> down =
          left.state() == Left.State.QUEUED
              ? sessionDown(injector, left.session())
              : Optional.empty();
      if (down.isPresent()) {
        // held by an earlier run and not due within this one: the session is still down
        held += Math.max(1, pending(injector, clock, left.session()));
        waiting--;
      }
      out.println(describe(left, down));
    }
    out.printf(
        "delivered: sent %d, skipped %d, failed %d, dead %d, held %d, waiting %d%n",
        report.sent(), report.skipped(), report.failed(), report.dead(), held, waiting);
    boolean attention = report.failed() > 0 || report.dead() > 0 || held > 0;
    return new Report(
        attention ? 1 : 0,
        fired.occurrences().size(),
        report.sent(),
        report.skipped(),
        report.failed(),
        report.dead(),
        held,
        waiting,
        "");
  }

  /** One line on a session that still has messages, for the operator. */
  private static String describe(Left left, Optional<SessionState> down) {
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
  private static Optional<SessionState> sessionDown(Injector injector, String session) {
    SessionState state = injector.getInstance(WhatsAppGateway.class).sessionState(session);
    return state.canSend() ? Optional.empty() : Optional.of(state);
  }

  private static int pending(Injector injector, Clock clock, String session) {
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
   * stays cheap.
   */
  private static DrainReport drain(Injector injector, Clock clock, Duration budget)
      throws InterruptedException {
    QueueMonitor monitor = injector.getInstance(QueueMonitor.class);
    Set<String> sessions = new TreeSet<>(monitor.sessions());
    if (sessions.isEmpty()) {
      return DrainReport.NOTHING;
    }
    for (AccountSettings account :
        injector.getInstance(AccountDirectory.class).enabledAccounts().accounts()) {
      sessions.add(account.automation().wppSession());
    }
    QueueDrainer drainer =
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
