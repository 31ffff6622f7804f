package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.DrainReport;
import com.feesmanager.automation.ports.in.DrainQueuesUseCase.Left;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.SessionState;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    public static Report failure(int exitCode, String error) {
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
  public static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(1);

  /**
   * A server-backed tick runs wholly at its instant, so one in the future would record its sends in
   * the shared rate-limit ledger at that time and hold every real send of those sessions (the
   * minimum gap, the caps) until then; it is refused.
   */
  public static Optional<String> futureProblem(Instant at, Instant now) {
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
  public static Report run(
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
            TickTimeline.mark("configuration, clients open, injector");
            // the heartbeat at the end asks each session's state: its HTTP client loads meanwhile
            clients.prepareGateway();
            RedisPersistenceCheck.run(
                clients.redis(), injector.getInstance(AccountProblems.class), clock.instant());
            TickTimeline.mark("Redis persistence check");
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
  public static Report on(
      Injector injector, Clock clock, Instant start, Duration budget, PrintStream out)
      throws InterruptedException {
    Optional<AccountScan> accounts = TickLines.scan(injector); // one query for the whole tick
    FireReport fired =
        injector
            .getInstance(FireDueOccurrencesUseCase.class)
            .fireDueOccurrences(new FireDueOccurrencesCommand(start, accounts, o -> {}));
    TickTimeline.mark("fire due occurrences");
    TickLines.fired(injector, accounts, fired, out);
    fired.problems().forEach(p -> out.println("problem: " + p));
    DrainReport report = TickDelivery.drain(injector, accounts, clock, budget);
    TickTimeline.mark("drain");
    int held = report.held();
    // waiting counts messages, like every other number of the line, so that the fired
    // occurrences' "queued" adds up: sent + skipped + failed + dead + held + waiting
    int waiting = 0;
    int waitingSessions = 0;
    for (Left left : report.left()) {
      Optional<SessionState> down =
          left.state() == Left.State.QUEUED
              ? TickDelivery.sessionDown(injector, left.session())
              : Optional.empty();
      if (down.isPresent()) {
        // held by an earlier run and not due within this one: the session is still down
        held += Math.max(1, TickDelivery.pending(injector, clock, left.session()));
      } else if (left.state() == Left.State.WAITING || left.state() == Left.State.QUEUED) {
        waiting += Math.max(1, TickDelivery.pending(injector, clock, left.session()));
        waitingSessions++;
      }
      out.println(TickDelivery.describe(left, down));
    }
    out.printf(
        "delivered: sent %d, skipped %d, failed %d, dead %d, held %d, waiting %d%s%n",
        report.sent(),
        report.skipped(),
        report.failed(),
        report.dead(),
        held,
        waiting,
        waitingSessions == 0 ? "" : " (in " + waitingSessions + " session(s))");
    TickLines.heartbeat(injector, accounts, fired.ruleBooks(), clock, out);
    TickTimeline.mark("heartbeat");
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
}
