package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the check just before a send reads (SPEC §4), fetched in one call where the store can:
 * the account, the message's rule, its students and its durable log, as they are now. A send that
 * read them one after another waited on four round trips before it could go (issue 16: lateness).
 */
public interface SendTimeReads {

  /** For a store each part of which is read as quickly alone (files, memory): never together. */
  SendTimeReads ONE_BY_ONE = queued -> Optional.empty();

  /**
   * {@code queued}'s account, rule, students and log read fresh and at once; empty when this store
   * reads them no faster together than one by one (the caller then reads each through its own
   * port). Throws {@link InfrastructureException} when the store cannot answer now: the caller then
   * reads each part through its own port, with that port's fallback.
   */
  Optional<SendTimeData> readTogether(QueuedMessage queued);

  /**
   * What the check reads, as it is now.
   *
   * @param account the account, enabled or not; empty when it is gone or cannot be understood
   * @param rule the message's rule document; empty when it is deleted
   * @param students each of the message's students by id; empty when deleted or not understood
   * @param log the message's durable log; empty when none exists
   */
  record SendTimeData(
      Optional<AccountSettings> account,
      Optional<RuleDraft> rule,
      Map<String, Optional<Student>> students,
      Optional<MessageLog> log) {
    public SendTimeData {
      Objects.requireNonNull(account, "'account' must not be null");
      Objects.requireNonNull(rule, "'rule' must not be null");
      students = Map.copyOf(students);
      Objects.requireNonNull(log, "'log' must not be null");
    }
  }
}
