package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import com.feesmanager.automation.domain.rule.ScheduleCalculator;
import com.feesmanager.automation.ports.in.PublishHeartbeatUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.InfrastructureException;
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
 * Builds and writes each enabled account's heartbeat. An account whose rules cannot be read still
 * gets a heartbeat (without next runs): the web app must see the daemon is alive.
 */
public final class PublishHeartbeatService implements PublishHeartbeatUseCase {

  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final QueueMonitor queue;
  private final DailyTally tally;
  private final StatusBoard board;

  public PublishHeartbeatService(
      AccountDirectory accounts,
      RuleSource rules,
      QueueMonitor queue,
      DailyTally tally,
      StatusBoard board) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.queue = Objects.requireNonNull(queue, "'queue' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
    this.board = Objects.requireNonNull(board, "'board' must not be null");
  }

  @Override
  public List<String> publishHeartbeats(PublishHeartbeatCommand command) {
    Instant now = command.now();
    List<String> written = new ArrayList<>();
    for (AccountSettings account : accounts.enabledAccounts().accounts()) {
      String session = account.automation().wppSession();
      GatewayState gateway =
          command.gateway().getOrDefault(session, new GatewayState(SessionState.UNREACHABLE, now));
      Heartbeat heartbeat =
          new Heartbeat(
              now,
              command.instance(),
              command.version(),
              gateway.state(),
              gateway.checkedAt(),
              queue.counts(session, now),
              tally.counts(account.uid(), LocalDate.ofInstant(now, account.timezone())),
              nextRuns(account, now));
      board.publish(account.uid(), heartbeat);
      written.add(account.uid());
    }
    return written;
  }

  private List<Heartbeat.NextRun> nextRuns(AccountSettings account, Instant now) {
    RuleSource.RuleBook book;
    try {
      book = rules.rules(account.uid());
    } catch (InfrastructureException e) {
      return List.of();
    }
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
