package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.rule.ScheduleCalculator;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StatusBoard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds and writes each enabled account's heartbeat, with the problems this process sees for it
 * (SPEC §8); an enabled account whose own document cannot be understood gets one that says so. An
 * account whose rules cannot be read still gets a heartbeat (without next runs): the web app must
 * see the daemon is alive. Each account is written on its own: whatever fails for one (SPEC §2
 * isolation) leaves it out of the returned list and every other account still gets its heartbeat.
 */
public final class PublishHeartbeatService implements PublishHeartbeatUseCase {

  /** The problem code of an operator's hold (the console's "hold"). */
  public static final String OPERATOR_HOLD = "OPERATOR_HOLD";

  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final QueueMonitor queue;
  private final DailyTally tally;
  private final StatusBoard board;
  private final AccountProblems problems;
  private final OperatorHolds holds;

  /**
   * How long a QR code shown by wppconnect-server stays scannable: WhatsApp replaces it about every
   * 20 s, for about a minute; the web app shows one past its expiry as "may have expired".
   */
  static final Duration QR_LIFETIME = Duration.ofSeconds(60);

  static final String DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE";

  /** Heartbeat messages stay short: the owner reads them in the web app. */
  private static final int MAX_MESSAGE = 500;

  /** Per account, the since of each problem in the heartbeat this process last published. */
  private final Map<String, Map<String, Instant>> shown = new ConcurrentHashMap<>();

  public PublishHeartbeatService(
      AccountDirectory accounts,
      RuleSource rules,
      QueueMonitor queue,
      DailyTally tally,
      StatusBoard board,
      AccountProblems problems,
      OperatorHolds holds) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
    this.board = Objects.requireNonNull(board, "'board' must not be null");
    this.problems = Objects.requireNonNull(problems, "'problems' must not be null");
    this.holds = Objects.requireNonNull(holds, "'holds' must not be null");
  }

  @Override
  public List<String> publishHeartbeats(PublishHeartbeatCommand command) {
    List<String> written = new ArrayList<>();
    // one count per session per pass, whatever the number of accounts naming it
    Map<String, Map<String, QueueCounts>> countsBySession = new HashMap<>();
    AccountDirectory.AccountScan scan = command.accounts().orElseGet(accounts::enabledAccounts);
    for (AccountSettings account : scan.accounts()) {
      try {
        board.publish(account.uid(), heartbeat(account, command, countsBySession));
        written.add(account.uid());
      } catch (RuntimeException e) {
        // isolation: this account's heartbeat is missing this minute, the others are written
      }
    }
    unreadableAccounts(scan.problems())
        .forEach(
            (uid, found) -> {
              try {
                board.publish(uid, unreadable(uid, found, command));
                written.add(uid);
              } catch (RuntimeException e) {
                // isolation, as above
              }
            });
    return written;
  }

  /** The enabled accounts whose own document cannot be understood, with its problems. */
  private static Map<String, List<DocumentProblem>> unreadableAccounts(
      List<DocumentProblem> problems) {
    Map<String, List<DocumentProblem>> byUid = new LinkedHashMap<>();
    for (DocumentProblem problem : problems) {
      String[] path = problem.path().split("/");
      if (path.length == 2 && path[0].equals("users") && !path[1].isEmpty()) {
        byUid.computeIfAbsent(path[1], uid -> new ArrayList<>()).add(problem);
      }
    }
    return byUid;
  }

  /**
   * The heartbeat of an enabled account whose document cannot be understood (SPEC §2: reported in
   * its heartbeat's problems): nothing runs for it, so it has no session state, queue, counts or
   * next runs to show, only why.
   */
  private Heartbeat unreadable(
      String uid, List<DocumentProblem> found, PublishHeartbeatCommand command) {
    String reasons = String.join("; ", found.stream().map(Object::toString).toList());
    AccountProblem problem =
        new AccountProblem(
            DOCUMENT_UNREADABLE,
            Optional.empty(),
            Optional.empty(),
            shortened("The account document cannot be understood, so nothing runs: " + reasons),
            command.now());
    return new Heartbeat(
        command.now(),
        command.instance(),
        command.version(),
        SessionState.UNREACHABLE,
        command.now(),
        QueueCounts.EMPTY,
        new Heartbeat.DayCounts(0, 0, 0),
        List.of(),
        problems(uid, List.of(problem)));
  }

  private static String shortened(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private Heartbeat heartbeat(
      AccountSettings account,
      PublishHeartbeatCommand command,
      Map<String, Map<String, QueueCounts>> countsBySession) {
    Instant now = command.now();
    String session = account.automation().wppSession();
    GatewayState gateway =
        command.gateway().getOrDefault(session, new GatewayState(SessionState.UNREACHABLE, now));
    return new Heartbeat(
        now,
        command.instance(),
        command.version(),
        gateway.state(),
        gateway.checkedAt(),
        countsBySession
            .computeIfAbsent(session, s -> queue.countsByAccount(s, now))
            .getOrDefault(account.uid(), QueueCounts.EMPTY),
        tally.counts(account.uid(), LocalDate.ofInstant(now, account.timezone())),
        nextRuns(account, command),
        problems(account.uid(), held(account.uid())),
        qr(gateway));
  }

  /**
   * The QR code to scan, while the session waits for one (SPEC §8 {@code wppconnect.qr}); it is
   * trusted for {@link #QR_LIFETIME} after the check that saw it.
   */
  static Optional<PairingQr> qr(GatewayState gateway) {
    if (gateway.state() != SessionState.NEEDS_SCAN) {
      return Optional.empty();
    }
    return gateway
        .qr()
        .filter(url -> !url.isBlank())
        .map(url -> new PairingQr(url, gateway.checkedAt().plus(QR_LIFETIME)));
  }

  /**
   * The account's problems, their since carried over from the last heartbeat: read back from the
   * board once per process (one read per account at start, or per {@code tick}), then remembered.
   */
  private List<AccountProblem> problems(String uid, List<AccountProblem> more) {
    Map<String, Instant> before = shown.computeIfAbsent(uid, this::publishedSince);
    List<AccountProblem> found = new ArrayList<>(problems.of(uid));
    found.addAll(more);
    List<AccountProblem> current = ProblemSince.carried(found, before);
    shown.put(uid, ProblemSince.shown(current));
    return current;
  }

  private Map<String, Instant> publishedSince(String uid) {
    try {
      return ProblemSince.shown(board.last(uid).map(Heartbeat::problems).orElse(List.of()));
    } catch (RuntimeException unreadable) {
      return Map.of(); // the problems start afresh: a since too late beats no heartbeat
    }
  }

  /** The operator's hold on the account as one more problem (SPEC §8), when there is one. */
  private List<AccountProblem> held(String uid) {
    return holds
        .heldSince(uid)
        .map(
            since ->
                List.of(
                    new AccountProblem(
                        OPERATOR_HOLD,
                        Optional.empty(),
                        Optional.empty(),
                        "an operator holds this account: its messages wait until released",
                        since)))
        .orElse(List.of());
  }

  /** Empty when the rules cannot be read or scheduled: the heartbeat itself must still go out. */
  private List<Heartbeat.NextRun> nextRuns(
      AccountSettings account, PublishHeartbeatCommand command) {
    try {
      return scheduledRuns(account, command);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private List<Heartbeat.NextRun> scheduledRuns(
      AccountSettings account, PublishHeartbeatCommand command) {
    Instant now = command.now();
    // the book the same check's firing read, when it read one: the same two queries again
    // would only find what it found seconds ago (issue 16)
    RuleSource.RuleBook book =
        Optional.ofNullable(command.ruleBooks().get(account.uid()))
            .orElseGet(() -> rules.rules(account.uid()));
    List<Heartbeat.NextRun> runs = new ArrayList<>();
    for (RuleDraft draft : book.rules()) {
      if (RuleValidator.validate(draft, book.templates()) instanceof RuleCheck.Valid valid) {
        // holidays and createdAt: the owner sees when the rule really sends next
        Optional<Occurrence> next = ScheduleCalculator.nextFiring(valid.rule(), account, now);
        next.ifPresent(o -> runs.add(new Heartbeat.NextRun(o.ruleId(), o.firesAt())));
      }
    }
    runs.sort(Comparator.comparing(Heartbeat.NextRun::at).thenComparing(Heartbeat.NextRun::ruleId));
    return runs;
  }
}
