package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
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
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StatusBoard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds and writes each enabled account's heartbeat, with the problems this process sees for it
 * (SPEC §8). An account whose rules cannot be read still gets a heartbeat (without next runs): the
 * web app must see the daemon is alive. Each account is written on its own: whatever fails for one
 * (SPEC §2 isolation) leaves it out of the returned list and every other account still gets its
 * heartbeat.
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
    for (AccountSettings account : accounts.enabledAccounts().accounts()) {
      try {
        board.publish(account.uid(), heartbeat(account, command));
        written.add(account.uid());
      } catch (RuntimeException e) {
        // isolation: this account's heartbeat is missing this minute, the others are written
      }
    }
    return written;
  }

  private Heartbeat heartbeat(AccountSettings account, PublishHeartbeatCommand command) {
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
        queue.counts(session, now),
        tally.counts(account.uid(), LocalDate.ofInstant(now, account.timezone())),
        nextRuns(account, now),
        problemsOf(account.uid()));
  }

  /** The process's problems of the account, and the operator's hold as one more (SPEC §8). */
  private List<AccountProblem> problemsOf(String uid) {
    List<AccountProblem> all = new ArrayList<>(problems.of(uid));
    holds
        .heldSince(uid)
        .ifPresent(
            since ->
                all.add(
                    new AccountProblem(
                        OPERATOR_HOLD,
                        Optional.empty(),
                        Optional.empty(),
                        "an operator holds this account: its messages wait until released",
                        since)));
    return all;
  }

  /** Empty when the rules cannot be read or scheduled: the heartbeat itself must still go out. */
  private List<Heartbeat.NextRun> nextRuns(AccountSettings account, Instant now) {
    try {
      return scheduledRuns(account, now);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private List<Heartbeat.NextRun> scheduledRuns(AccountSettings account, Instant now) {
    RuleSource.RuleBook book = rules.rules(account.uid());
    List<Heartbeat.NextRun> runs = new ArrayList<>();
    for (RuleDraft draft : book.rules()) {
      if (RuleValidator.validate(draft, book.templates()) instanceof RuleCheck.Valid valid
          && valid.rule().enabled()) {
        Optional<Occurrence> next =
            ScheduleCalculator.nextAfter(
                valid.rule().id(), valid.rule().schedule(), account.timezone(), now);
        next.ifPresent(o -> runs.add(new Heartbeat.NextRun(o.ruleId(), o.firesAt())));
      }
    }
    runs.sort(Comparator.comparing(Heartbeat.NextRun::at).thenComparing(Heartbeat.NextRun::ruleId));
    return runs;
  }
}
