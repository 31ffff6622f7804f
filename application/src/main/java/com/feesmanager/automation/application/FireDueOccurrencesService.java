package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.message.Skip;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.OccurrenceCheck;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.rule.ScheduleCalculator;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.OccurrenceReport;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OccurrenceClaims.ClaimOutcome;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Fires due occurrences (SPEC §2): for each enabled account and each valid rule, the latest
 * occurrence is claimed once across all processes, planned, enqueued and logged. An invalid rule or
 * an unreadable document is reported and the rest carries on; an account whose data cannot be read
 * is reported and retried at the next check (its claim is not taken).
 */
public final class FireDueOccurrencesService implements FireDueOccurrencesUseCase {

  /** SPEC §8 heartbeat problem codes reported by firing. */
  static final String RULE_INVALID = "RULE_INVALID";

  static final String DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE";
  static final String ACCOUNT_FAILED = "ACCOUNT_FAILED";

  private static final int MAX_MESSAGE = 500;

  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final StudentDirectory students;
  private final OccurrenceClaims claims;
  private final MessageQueue queue;
  private final DeliveryLog deliveryLog;
  private final RunLog runLog;
  private final Alerts alerts;
  private final DailyTally tally;
  private final ReminderPlanner planner;
  private final AutomationSettings settings;
  private final AccountProblems accountProblems;
  private final Executor accountsExecutor;
  private final LargeAccounts largeAccounts;

  /** Permits of {@link LargeAccounts#atOnce}, handed out in the order asked for. */
  private final Semaphore largePermits;

  /**
   * Problems found only when something fires (unreadable students, a rule whose firing threw), kept
   * per account until the next pass that looks again, so the heartbeat does not lose them in the
   * minutes in between. Each account's entry is touched by that account's firing task only.
   */
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public FireDueOccurrencesService(
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      OccurrenceClaims claims,
      MessageQueue queue,
      DeliveryLog deliveryLog,
      RunLog runLog,
      Alerts alerts,
      DailyTally tally,
      ReminderPlanner planner,
      AutomationSettings settings,
      AccountProblems accountProblems) {
    this(
        accounts,
        rules,
        students,
        claims,
        queue,
        deliveryLog,
        runLog,
        alerts,
        tally,
        planner,
        settings,
        accountProblems,
        Runnable::run,
        LargeAccounts.UNLIMITED);
  }

  /**
   * As above, each account fired as a task of {@code accountsExecutor} (a bounded pool fires that
   * many accounts at once; {@code Runnable::run} fires them one after another on the caller's
   * thread), of which at most {@code largeAccounts.atOnce()} large ones read their students and
   * plan at the same time. The ports must then be safe to call from several threads, as the
   * delivery workers already call them.
   */
  public FireDueOccurrencesService(
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      OccurrenceClaims claims,
      MessageQueue queue,
      DeliveryLog deliveryLog,
      RunLog runLog,
      Alerts alerts,
      DailyTally tally,
      ReminderPlanner planner,
      AutomationSettings settings,
      AccountProblems accountProblems,
      Executor accountsExecutor,
      LargeAccounts largeAccounts) {
    this.accountsExecutor =
        Objects.requireNonNull(accountsExecutor, "'accountsExecutor' must not be null");
    this.largeAccounts = Objects.requireNonNull(largeAccounts, "'largeAccounts' must not be null");
    this.largePermits = new Semaphore(largeAccounts.atOnce(), true);
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.claims = Objects.requireNonNull(claims, "'claims' must not be null");
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.runLog = Objects.requireNonNull(runLog, "'runLog' must not be null");
    this.alerts = Objects.requireNonNull(alerts, "'alerts' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
    this.planner = Objects.requireNonNull(planner, "'planner' must not be null");
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.accountProblems =
        Objects.requireNonNull(accountProblems, "'accountProblems' must not be null");
  }

  /**
   * How many large accounts read and plan their students at once. Small accounts spend their firing
   * waiting on the stores, so many fire side by side; a large one spends it reading and planning on
   * the CPU, and several at once would all finish late (and with them the minute's first messages).
   * An account is large unless its last read handed over fewer than {@code fromStudents} students
   * (so also before its first read in this process): it waits for one of {@code atOnce} permits
   * before reading them. One that was small and has grown waits once its read has handed over
   * {@code fromStudents}. A large account keeps its permit until its firing ends; one found small
   * by the read lets it go then.
   */
  public record LargeAccounts(int atOnce, int fromStudents) {

    /** No account ever waits (accounts fired one after another need no limit). */
    public static final LargeAccounts UNLIMITED = new LargeAccounts(Integer.MAX_VALUE, 1);

    public LargeAccounts {
      if (atOnce < 1 || fromStudents < 1) {
        throw new IllegalArgumentException(
            "'atOnce' and 'fromStudents' must be at least 1: " + atOnce + ", " + fromStudents);
      }
    }
  }

  @Override
  public FireReport fireDueOccurrences(FireDueOccurrencesCommand command) {
    Instant at = command.at();
    List<String> problems = new ArrayList<>();
    AccountDirectory.AccountScan scan;
    try {
      scan = command.accounts().isPresent() ? command.accounts().get() : accounts.enabledAccounts();
    } catch (InfrastructureException e) {
      problems.add("accounts unavailable: " + e.getMessage());
      return new FireReport(List.of(), problems, Map.of());
    }
    scan.problems().forEach(p -> problems.add(p.toString()));
    readRulesAhead(scan.accounts());
    // every account is handed to the executor at once, in scan order (a bounded pool takes them
    // first come, first served); the report keeps scan order whatever order they finish in
    List<CompletableFuture<AccountFiring>> firings = new ArrayList<>();
    for (AccountSettings account : scan.accounts()) {
      firings.add(submit(account, at, command));
    }
    List<OccurrenceReport> reports = new ArrayList<>();
    Map<String, RuleSource.RuleBook> ruleBooks = new LinkedHashMap<>();
    for (int i = 0; i < firings.size(); i++) {
      AccountFiring firing = joined(firings.get(i), scan.accounts().get(i));
      reports.addAll(firing.reports());
      problems.addAll(firing.problems());
      firing.book().ifPresent(book -> ruleBooks.put(firing.uid(), book));
    }
    Set<String> enabled = new HashSet<>();
    scan.accounts().forEach(account -> enabled.add(account.uid()));
    // an account disabled or gone shows no problems any more (its heartbeat is not written)
    for (String uid : Set.copyOf(remembered.keySet())) {
      if (!enabled.contains(uid)) {
        remembered.remove(uid);
        accountProblems.forget(uid);
      }
    }
    return new FireReport(reports, problems, ruleBooks);
  }

  /** Accounts waiting for a {@link LargeAccounts} permit now (tests). */
  int waitingForLargePermit() {
    return largePermits.getQueueLength();
  }

  /**
   * Asks for the accounts' rules now, in firing order, so an account the pool takes late does not
   * then wait for its first read. Best effort: an account whose rules were not read ahead reads
   * them when it fires, as before.
   */
  private void readRulesAhead(List<AccountSettings> scanned) {
    try {
      rules.readAhead(scanned.stream().map(AccountSettings::uid).toList());
    } catch (RuntimeException e) {
      // each firing reads its account's rules itself
    }
  }

  /** What firing one account reported, and its rule book when it was read. */
  private record AccountFiring(
      String uid,
      List<OccurrenceReport> reports,
      List<String> problems,
      Optional<RuleSource.RuleBook> book) {}

  private CompletableFuture<AccountFiring> submit(
      AccountSettings account, Instant at, FireDueOccurrencesCommand listeners) {
    try {
      return CompletableFuture.supplyAsync(
          () -> fireAccount(account, at, listeners), accountsExecutor);
    } catch (RejectedExecutionException e) {
      // the pool is shutting down with the process: this account fires on the caller's thread
      return CompletableFuture.completedFuture(fireAccount(account, at, listeners));
    }
  }

  /** The account's firing; an Error it threw (it caught every exception) is its problem line. */
  private static AccountFiring joined(CompletableFuture<AccountFiring> firing, AccountSettings a) {
    try {
      return firing.join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new AccountFiring(
          a.uid(),
          List.of(),
          List.of(
              "account "
                  + a.uid()
                  + " failed: "
                  + cause.getClass().getSimpleName()
                  + ": "
                  + cause.getMessage()),
          Optional.empty());
    }
  }

  /**
   * The bulkhead of one account (SPEC §2 isolation): whatever it throws is reported for it (a
   * problem line, an {@code ACCOUNT_FAILED} alert, its heartbeat's problems) and the other accounts
   * fire as if nothing happened. Only this account's task touches its {@link Remembered}.
   */
  private AccountFiring fireAccount(
      AccountSettings account, Instant at, FireDueOccurrencesCommand listeners) {
    List<OccurrenceReport> reports = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Remembered memory = remembered.computeIfAbsent(account.uid(), uid -> new Remembered());
    AccountRun run = new AccountRun(account, at, reports, problems, memory, listeners);
    try {
      run.fire();
    } catch (InfrastructureException e) {
      // data unavailable: retried at the next check; what the heartbeat shows stays as it was
      problems.add("account " + account.uid() + " unavailable: " + e.getMessage());
      return new AccountFiring(account.uid(), reports, problems, run.book);
    } catch (RuntimeException e) {
      run.failed(Optional.empty(), e);
    } finally {
      run.releaseLargePermit();
    }
    accountProblems.replace(account.uid(), AccountProblems.Source.FIRING, run.accountProblems());
    return new AccountFiring(account.uid(), reports, problems, run.book);
  }

  /** What an account's earlier passes found that this one may not look at again. */
  private static final class Remembered {
    /** DOCUMENT_UNREADABLE of students, from the last pass that read them. */
    private List<AccountProblem> students = List.of();

    /** ACCOUNT_FAILED per rule id, until that rule's next occurrence runs through. */
    private final Map<String, AccountProblem> ruleFailures = new LinkedHashMap<>();

    /** Whether the last students read handed over fewer than {@link LargeAccounts#fromStudents}. */
    private boolean small;
  }

  /** One account's pass: students are read at most once, and only when something is due. */
  private final class AccountRun {
    private final AccountSettings account;
    private final Instant at;
    private final List<OccurrenceReport> reports;
    private final List<String> problems;
    private final Remembered memory;
    private final Consumer<OccurrenceReport> onOccurrence;
    private final Consumer<String> onFirstQueued;
    private List<Student> loadedStudents;
    private final List<String> studentProblems = new ArrayList<>();

    /** Whether this account holds a {@link LargeAccounts} permit (then it is large). */
    private boolean holdsLargePermit;

    /** This pass's problems for the heartbeat (RULE_INVALID, DOCUMENT_UNREADABLE, ...). */
    private final List<AccountProblem> found = new ArrayList<>();

    private Optional<AccountProblem> accountFailure = Optional.empty();

    /** The rule book this pass read, once the read has answered. */
    private Optional<RuleSource.RuleBook> book = Optional.empty();

    AccountRun(
        AccountSettings account,
        Instant at,
        List<OccurrenceReport> reports,
        List<String> problems,
        Remembered memory,
        FireDueOccurrencesCommand listeners) {
      this.account = account;
      this.at = at;
      this.reports = reports;
      this.problems = problems;
      this.memory = memory;
      this.onOccurrence = listeners.onOccurrence();
      this.onFirstQueued = listeners.onFirstQueued();
    }

    /**
     * Keeps the report and tells the listener at once; a listener that throws is a problem line.
     */
    private void report(OccurrenceReport report) {
      reports.add(report);
      try {
        onOccurrence.accept(report);
      } catch (RuntimeException e) {
        problems.add("listener of " + report.uid() + " " + report.ruleId() + " failed: " + e);
      }
    }

    void fire() {
      RuleSource.RuleBook book = rules.rules(account.uid());
      this.book = Optional.of(book);
      reportUnreadable(book.problems());
      Map<String, Template> templates = book.templates();
      Set<String> ruleIds = new HashSet<>();
      for (RuleDraft draft : book.rules()) {
        ruleIds.add(draft.id());
        RuleCheck check = RuleValidator.validate(draft, templates);
        if (check instanceof RuleCheck.Invalid invalid) {
          reportInvalid(draft, invalid);
        } else if (check instanceof RuleCheck.Valid valid) {
          fireGuarded(valid.rule());
        }
      }
      memory.ruleFailures.keySet().retainAll(ruleIds);
    }

    /** A rule's own bulkhead: one that throws is reported and the account's next rule fires. */
    private void fireGuarded(Rule rule) {
      try {
        fireRule(rule);
      } catch (InfrastructureException e) {
        throw e;
      } catch (RuntimeException e) {
        failed(Optional.of(rule.id()), e);
      }
    }

    /** Reports an exception of the account (or of one of its rules): log line, alert, problem. */
    void failed(Optional<String> ruleId, RuntimeException e) {
      String what = e.getClass().getSimpleName() + ": " + e.getMessage();
      String where = ruleId.map(id -> "rule " + id + " of account ").orElse("account ");
      problems.add(where + account.uid() + " failed: " + what);
      AccountProblem problem =
          new AccountProblem(
              ACCOUNT_FAILED,
              ruleId,
              Optional.empty(),
              "Firing stopped with " + what + "; the other accounts are not affected",
              at);
      if (ruleId.isPresent()) {
        memory.ruleFailures.put(ruleId.get(), problem);
      } else {
        accountFailure = Optional.of(problem);
      }
      alerts.raise(
          new Alert(
              Alert.Level.CRITICAL,
              ACCOUNT_FAILED,
              account.uid(),
              "Firing " + where + account.uid() + " failed: " + what,
              at));
    }

    /** Everything this pass knows, with what earlier passes found and this one did not re-check. */
    List<AccountProblem> accountProblems() {
      List<AccountProblem> all = new ArrayList<>(found);
      all.addAll(memory.students);
      all.addAll(memory.ruleFailures.values());
      accountFailure.ifPresent(all::add);
      return all;
    }

    private void reportUnreadable(List<DocumentProblem> documentProblems) {
      documentProblems.forEach(p -> problems.add(p.toString()));
      found.addAll(unreadable(documentProblems));
    }

    private void reportInvalid(RuleDraft draft, RuleCheck.Invalid invalid) {
      if (!draft.enabled()) {
        return;
      }
      List<String> reasons = invalid.problems().stream().map(Object::toString).toList();
      found.add(
          new AccountProblem(
              RULE_INVALID,
              Optional.of(draft.id()),
              Optional.empty(),
              "Rule '" + invalid.ruleName() + "' is invalid: " + String.join("; ", reasons),
              at));
      report(
          new OccurrenceReport(
              account.uid(), draft.id(), "", Outcome.INVALID_RULE, 0, 0, 0, reasons));
      alerts.raise(
          new Alert(
              Alert.Level.WARNING,
              "RULE_INVALID",
              account.uid(),
              "Rule '" + invalid.ruleName() + "' is invalid: " + String.join("; ", reasons),
              at));
    }

    private void fireRule(Rule rule) {
      OccurrenceCheck check = ScheduleCalculator.check(rule, account, at, settings.misfireGrace());
      if (check instanceof OccurrenceCheck.Due due) {
        claimAndRun(rule, due.occurrence(), Outcome.FIRED);
      } else if (check instanceof OccurrenceCheck.Missed missed) {
        claimAndRun(rule, missed.occurrence(), Outcome.MISSED);
      } else if (check instanceof OccurrenceCheck.Holiday holiday) {
        claimAndRun(rule, holiday.occurrence(), Outcome.HOLIDAY);
      }
    }

    private void claimAndRun(Rule rule, Occurrence occurrence, Outcome outcome) {
      ClaimOutcome claim =
          claims.tryClaim(account.uid(), occurrence, at, settings.occurrenceLease());
      if (claim != ClaimOutcome.CLAIMED) {
        return;
      }
      // SPEC §2: the run record is the durable half of "at most once"; Redis may have lost the
      // done mark (flushed, failed over, restored), so a recorded occurrence is done as it is.
      Optional<RunSummary> recorded = runLog.find(account.uid(), rule.id(), occurrence.localName());
      if (recorded.isPresent()) {
        claims.complete(account.uid(), occurrence, at);
        memory.ruleFailures.remove(rule.id());
        report(
            new OccurrenceReport(
                account.uid(),
                rule.id(),
                occurrence.localName(),
                Outcome.ALREADY_CLAIMED,
                0,
                0,
                0,
                List.of("run record found, fired at " + recorded.get().firedAt())));
        return;
      }
      RunSummary summary =
          switch (outcome) {
            case FIRED -> fireOccurrence(rule, occurrence);
            case MISSED -> emptyRun(rule, occurrence, "MISSED");
            default -> emptyRun(rule, occurrence, SkipReason.HOLIDAY.code());
          };
      runLog.record(summary);
      claims.complete(account.uid(), occurrence, at);
      memory.ruleFailures.remove(rule.id());
      report(
          new OccurrenceReport(
              account.uid(),
              rule.id(),
              occurrence.localName(),
              outcome,
              summary.matched(),
              summary.queued(),
              summary.skipped(),
              List.of()));
    }

    private RunSummary emptyRun(Rule rule, Occurrence occurrence, String why) {
      return new RunSummary(
          account.uid(), rule.id(), occurrence.localName(), at, 0, 0, 0, Optional.of(why));
    }

    private RunSummary fireOccurrence(Rule rule, Occurrence occurrence) {
      ReminderPlan plan = planner.plan(account, rule, occurrence, students());
      String session = account.automation().wppSession();
      boolean told = false;
      for (PlannedMessage message : plan.messages()) {
        QueuedMessage queued =
            new QueuedMessage(
                account.uid(),
                session,
                rule.id(),
                rule.name(),
                occurrence.localName(),
                message,
                at);
        // Enqueue first: a re-fire after a crash finds the key and writes nothing twice.
        if (queue.enqueue(queued, at)) {
          deliveryLog.record(MessageLogs.of(queued, MessageStatus.QUEUED, Optional.empty(), 0, at));
          if (!told) {
            // after its QUEUED log, so a send's SENT log always comes after it
            told = true;
            tellFirstQueued(session);
          }
        }
      }
      LocalDate today = LocalDate.ofInstant(at, account.timezone());
      for (Skip skip : plan.skips()) {
        deliveryLog.record(
            MessageLogs.skipped(account.uid(), rule.id(), rule.name(), occurrence, skip, at));
        tally.count(account.uid(), today, DailyTally.Outcome.SKIPPED);
      }
      return new RunSummary(
          account.uid(),
          rule.id(),
          occurrence.localName(),
          at,
          plan.matched(),
          plan.messages().size(),
          plan.skips().size(),
          unreadableStudents());
    }

    /** A listener that throws is a problem line; the occurrence goes on. */
    private void tellFirstQueued(String session) {
      try {
        onFirstQueued.accept(session);
      } catch (RuntimeException e) {
        problems.add("first-message listener of " + account.uid() + " failed: " + e);
      }
    }

    /** Unreadable student documents are named in the run summary, where the web app sees them. */
    private Optional<String> unreadableStudents() {
      if (studentProblems.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          studentProblems.size()
              + " student document(s) could not be read: "
              + String.join(
                  "; ", studentProblems.subList(0, Math.min(10, studentProblems.size()))));
    }

    private List<Student> students() {
      if (loadedStudents == null) {
        List<Student> loaded = new ArrayList<>();
        List<AccountProblem> unreadable = new ArrayList<>();
        if (!memory.small) {
          awaitLargePermit();
        }
        int[] handed = {0};
        students.forEachStudent(
            account.uid(),
            mapped -> {
              if (++handed[0] == largeAccounts.fromStudents()) {
                awaitLargePermit();
              }
              if (mapped instanceof Mapped.Ok<Student> ok) {
                loaded.add(ok.value());
              } else if (mapped instanceof Mapped.Broken<Student> broken) {
                broken.problems().forEach(p -> studentProblems.add(p.toString()));
                unreadable.addAll(unreadable(broken.problems()));
              }
            });
        problems.addAll(studentProblems);
        memory.students = List.copyOf(unreadable);
        memory.small = handed[0] < largeAccounts.fromStudents();
        if (memory.small) {
          // found small by this read (not read before, or large before): no planning to protect
          releaseLargePermit();
        }
        loadedStudents = loaded;
      }
      return loadedStudents;
    }

    /**
     * Waits, once, for one of the large accounts' permits. Uninterruptible: an interrupt would
     * otherwise leave the account half read.
     */
    private void awaitLargePermit() {
      if (!holdsLargePermit) {
        largePermits.acquireUninterruptibly();
        holdsLargePermit = true;
      }
    }

    void releaseLargePermit() {
      if (holdsLargePermit) {
        holdsLargePermit = false;
        largePermits.release();
      }
    }

    /** One DOCUMENT_UNREADABLE per student or rule (the rest of the account's documents as one). */
    private List<AccountProblem> unreadable(List<DocumentProblem> documentProblems) {
      Map<String, List<DocumentProblem>> byIdentity = new LinkedHashMap<>();
      for (DocumentProblem problem : documentProblems) {
        String identity =
            idAfter(problem.path(), "/automationRules/").orElse("")
                + "|"
                + idAfter(problem.path(), "/students/").orElse("");
        byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(problem);
      }
      List<AccountProblem> unreadable = new ArrayList<>();
      for (List<DocumentProblem> same : byIdentity.values()) {
        String path = same.get(0).path();
        unreadable.add(
            new AccountProblem(
                DOCUMENT_UNREADABLE,
                idAfter(path, "/automationRules/"),
                idAfter(path, "/students/"),
                shortened(String.join("; ", same.stream().map(Object::toString).toList())),
                at));
      }
      return unreadable;
    }
  }

  /** The document id after {@code collection} in a path such as {@code users/u/students/s1}. */
  private static Optional<String> idAfter(String path, String collection) {
    int start = path.indexOf(collection);
    if (start < 0) {
      return Optional.empty();
    }
    String rest = path.substring(start + collection.length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** Heartbeat messages stay short: the owner reads them in the web app. */
  private static String shortened(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
