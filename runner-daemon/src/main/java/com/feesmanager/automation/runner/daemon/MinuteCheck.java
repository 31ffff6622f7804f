package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireReport;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check at the start of every minute (SPEC §2): one scan of the enabled accounts, then worker
 * upkeep, firing, kept receipts and heartbeats each run guarded, so whatever one of them throws the
 * others still happen this minute; then the stores are probed. Within each step the use cases
 * isolate accounts from each other. Upkeep comes before firing so that every session has its worker
 * when the first account's messages are queued; the workers are woken as each occurrence queues
 * something, not when the last account is done. {@link #prepare} does the scan and the upkeep a few
 * seconds ahead ({@link MinuteSchedule}), so at the minute firing starts at once; the students and
 * rules are still read at the minute, and each send re-reads what it depends on (SPEC §4).
 */
final class MinuteCheck implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Supplier<Optional<AccountScan>> scans;
  private final FireDueOccurrencesUseCase firing;
  private final ApplyReceiptUseCase receipts;
  private final Consumer<Optional<AccountScan>> upkeep;
  private final Consumer<AccountScan> warmSends;
  private final Runnable heartbeat;
  private final Runnable storeWatch;
  private final Consumer<String> wakeWorker;
  private final DaemonMetrics metrics;
  private final Clock clock;

  /** A scan taken by {@link #prepare}, with when it was taken. */
  private record Prepared(Instant at, AccountScan scan) {}

  /**
   * How old a prepared scan may be and still serve its minute: twice the lead, so a preparation
   * that ran late still counts, while one from an earlier minute (a check that ran long) does not.
   */
  static final Duration PREPARED_MAX_AGE = MinuteSchedule.PREPARE_AHEAD.multipliedBy(2);

  private final AtomicReference<Optional<Prepared>> prepared =
      new AtomicReference<>(Optional.empty());

  MinuteCheck(
      Supplier<Optional<AccountScan>> scans,
      FireDueOccurrencesUseCase firing,
      ApplyReceiptUseCase receipts,
      Consumer<Optional<AccountScan>> upkeep,
      Consumer<AccountScan> warmSends,
      Runnable heartbeat,
      Runnable storeWatch,
      Consumer<String> wakeWorker,
      DaemonMetrics metrics,
      Clock clock) {
    this.scans = Objects.requireNonNull(scans, "'scans' must not be null");
    this.firing = Objects.requireNonNull(firing, "'firing' must not be null");
    this.receipts = Objects.requireNonNull(receipts, "'receipts' must not be null");
    this.upkeep = Objects.requireNonNull(upkeep, "'upkeep' must not be null");
    this.warmSends = Objects.requireNonNull(warmSends, "'warmSends' must not be null");
    this.heartbeat = Objects.requireNonNull(heartbeat, "'heartbeat' must not be null");
    this.storeWatch = Objects.requireNonNull(storeWatch, "'storeWatch' must not be null");
    this.wakeWorker = Objects.requireNonNull(wakeWorker, "'wakeWorker' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  /**
   * The coming check's preparation, a few seconds before its minute: the account scan and worker
   * upkeep (workers started, new sessions checked), so the minute's own work starts with firing;
   * then what the minute's first sends would read that is not the minute's data (the sessions'
   * bindings), so a send waits on nothing read ahead. Rules and students are not read here.
   */
  void prepare() {
    LOG.debug("minute check: preparing");
    Optional<AccountScan> scan = scans.get();
    TaskGuard.guarded("worker upkeep", () -> upkeep.accept(scan));
    scan.ifPresent(s -> TaskGuard.guarded("warming the sends", () -> warmSends.accept(s)));
    scan.ifPresent(s -> prepared.set(Optional.of(new Prepared(clock.instant(), s))));
    LOG.debug("minute check: prepared {} account(s)", scan.map(s -> s.accounts().size()).orElse(0));
  }

  @Override
  public void run() {
    Instant started = clock.instant();
    try {
      LOG.debug("minute check: start");
      Optional<AccountScan> scan = preparedScan(started);
      if (scan.isEmpty()) {
        scan = scans.get();
        Optional<AccountScan> scanned = scan;
        LOG.debug(
            "minute check: scanned {} account(s)", scan.map(s -> s.accounts().size()).orElse(0));
        TaskGuard.guarded("worker upkeep", () -> upkeep.accept(scanned));
        LOG.debug("minute check: upkeep done");
      }
      Optional<AccountScan> firingScan = scan;
      TaskGuard.guarded("firing", () -> fire(started, firingScan));
      LOG.debug("minute check: firing done");
      // receipts that arrived before their send was recorded (issue 11)
      TaskGuard.guarded("applying kept receipts", () -> receipts.applyPending(clock.instant()));
      TaskGuard.guarded("heartbeat", heartbeat);
    } finally {
      metrics.recordTick(Duration.between(started, clock.instant()));
      storeWatch.run();
    }
  }

  /** The prepared scan, once, unless it is older than {@link #PREPARED_MAX_AGE}. */
  private Optional<AccountScan> preparedScan(Instant now) {
    return prepared
        .getAndSet(Optional.empty())
        .filter(p -> !p.at().plus(PREPARED_MAX_AGE).isBefore(now))
        .map(Prepared::scan);
  }

  private void fire(Instant at, Optional<AccountScan> scan) {
    FireReport report =
        firing.fireDueOccurrences(
            new FireDueOccurrencesCommand(at, scan, this::occurrenceDone, this::firstQueued));
    metrics.recordFire(report);
    report.problems().forEach(p -> LOG.warn("problem: {}", p));
  }

  /**
   * Called from the firing threads as an occurrence has queued its first message: its session's
   * worker only (a wake is kept for a worker that is mid-step, so once is enough).
   */
  private void firstQueued(String session) {
    wakeWorker.accept(session);
  }

  /** Called from the firing threads as each occurrence ends. */
  private void occurrenceDone(OccurrenceReport o) {
    LOG.info(
        "{} {} {} {}: matched {}, queued {}, skipped {}{}",
        o.outcome(),
        o.uid(),
        o.ruleId(),
        o.occurrence(),
        o.matched(),
        o.queued(),
        o.skipped(),
        o.problems().isEmpty() ? "" : " (" + String.join("; ", o.problems()) + ")");
  }
}
