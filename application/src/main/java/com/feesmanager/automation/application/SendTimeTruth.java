package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.message.SendTimeCheck;
import com.feesmanager.automation.domain.message.SkipReason;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SendTimeReads;
import com.feesmanager.automation.ports.out.SendTimeReads.SendTimeData;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a queued message depends on as it is now (its account, rule, students and durable log)
 * and asks {@link SendTimeCheck} whether it should still go. Where the store can, everything is
 * read in one call; otherwise, or when that call fails, each part is read through its own port when
 * first asked for, with that port's fallback (a copy while Firestore is away). A part that cannot
 * be read throws its {@link InfrastructureException}: the caller holds the message.
 */
public final class SendTimeTruth {

  private static final Set<MessageStatus> SENT_OR_LATER =
      EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);

  private final SendTimeReads together;
  private final AccountDirectory accounts;
  private final RuleSource rules;
  private final StudentDirectory students;
  private final DeliveryLog deliveryLog;
  private final ReminderPlanner planner;

  public SendTimeTruth(
      SendTimeReads together,
      AccountDirectory accounts,
      RuleSource rules,
      StudentDirectory students,
      DeliveryLog deliveryLog,
      ReminderPlanner planner) {
    this.together = Objects.requireNonNull(together, "'together' must not be null");
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
    this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    this.students = Objects.requireNonNull(students, "'students' must not be null");
    this.deliveryLog = Objects.requireNonNull(deliveryLog, "'deliveryLog' must not be null");
    this.planner = Objects.requireNonNull(planner, "'planner' must not be null");
  }

  /** Begins the reads for {@code queued}: everything at once where the store can. */
  public Reading read(QueuedMessage queued) {
    Objects.requireNonNull(queued, "'queued' must not be null");
    Optional<SendTimeData> all;
    try {
      all = together.readTogether(queued);
    } catch (InfrastructureException unavailable) {
      // each part is read again through its port, whose fallback (a copy) may still answer; the
      // port reports the outage itself
      all = Optional.empty();
    }
    return new Reading(queued, all);
  }

  /** One message's reads; parts not read together are read when first asked for, once. */
  public final class Reading {
    private final QueuedMessage queued;
    private final Optional<SendTimeData> all;
    private Optional<AccountSettings> account;

    private Reading(QueuedMessage queued, Optional<SendTimeData> all) {
      this.queued = queued;
      this.all = all;
    }

    /** The account now, enabled or not; empty when it is gone. */
    public Optional<AccountSettings> account() {
      if (account == null) {
        account =
            all.isPresent()
                ? all.get().account()
                : SendTimeTruth.this.accounts.account(queued.uid());
      }
      return account;
    }

    /** The first reason not to send the message now (SPEC §4), or empty when it should go. */
    public Optional<SkipReason> reasonNotToSend() {
      Optional<AccountSettings> now = account();
      if (now.isEmpty() || !now.get().automation().enabled()) {
        // nothing else is read for an account that is switched off
        return SendTimeCheck.reasonNotToSend(
            now, Optional.empty(), Map.of(), queued.message(), planner::recipients);
      }
      Optional<RuleDraft> rule = all.isPresent() ? all.get().rule() : ruleFromItsPort();
      Map<String, Optional<Student>> studentsNow =
          all.isPresent() ? all.get().students() : studentsFromTheirPort(rule);
      return SendTimeCheck.reasonNotToSend(
          now, rule, studentsNow, queued.message(), planner::recipients);
    }

    /**
     * Whether the durable record says the message went out (Redis lost it and it was queued again).
     * A record that cannot be read (Firestore down) leaves the queue's word standing: the queue
     * holds the message's send marks and dedupe key, and a re-queue after lost Redis data needs
     * Firestore to have been readable (the run record is checked before re-firing). Holding every
     * message instead would stop all sending for the whole outage (SPEC §8: a short outage delays
     * nothing).
     */
    public boolean alreadySent() {
      Optional<MessageLog> log;
      if (all.isPresent()) {
        log = all.get().log();
      } else {
        try {
          log = deliveryLog.find(queued.uid(), queued.key());
        } catch (InfrastructureException unreadable) {
          return false;
        }
      }
      return log.map(MessageLog::status).filter(SENT_OR_LATER::contains).isPresent();
    }

    private Optional<RuleDraft> ruleFromItsPort() {
      return rules.rules(queued.uid()).rules().stream()
          .filter(draft -> draft.id().equals(queued.ruleId()))
          .findFirst();
    }

    private Map<String, Optional<Student>> studentsFromTheirPort(Optional<RuleDraft> rule) {
      Map<String, Optional<Student>> now = new LinkedHashMap<>();
      if (rule.isPresent() && rule.get().enabled()) {
        for (String studentId : queued.message().studentIds()) {
          now.put(studentId, students.student(queued.uid(), studentId));
        }
      }
      return now;
    }
  }
}
