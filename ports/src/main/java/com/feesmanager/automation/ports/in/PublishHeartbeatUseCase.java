package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes each enabled account's status document (SPEC §1.5 {@code automation/status}): the queue
 * counts of its own messages, today's counts, the gateway's last known state and the next runs.
 */
public interface PublishHeartbeatUseCase {

  /** Returns the uids whose heartbeat was written. */
  List<String> publishHeartbeats(PublishHeartbeatCommand command);

  /**
   * Publish as of {@code now}, as {@code instance} running {@code version}, with the gateway's last
   * known state per session (sessions missing from it read as UNREACHABLE at {@code now}), for the
   * accounts of {@code accounts} when the caller has already scanned them (empty: the use case
   * scans them itself). The next runs come from {@code ruleBooks}, the rule books the same check's
   * firing read ({@link FireDueOccurrencesUseCase.FireReport#ruleBooks}), by uid; an account not in
   * it has its rules read here. The caller hands on only books of this check, never older ones.
   */
  record PublishHeartbeatCommand(
      Instant now,
      String instance,
      String version,
      Map<String, GatewayState> gateway,
      Optional<AccountScan> accounts,
      Map<String, RuleBook> ruleBooks) {
    public PublishHeartbeatCommand {
      Objects.requireNonNull(now, "'now' must not be null");
      Objects.requireNonNull(instance, "'instance' must not be null");
      Objects.requireNonNull(version, "'version' must not be null");
      gateway = Map.copyOf(gateway);
      Objects.requireNonNull(accounts, "'accounts' must not be null");
      ruleBooks = Map.copyOf(ruleBooks);
    }
  }

  /**
   * A session's state, when it was checked, and the QR code ({@code data:} URL) it showed then
   * while waiting for a scan.
   */
  record GatewayState(SessionState state, Instant checkedAt, Optional<String> qr) {
    public GatewayState {
      Objects.requireNonNull(state, "'state' must not be null");
      Objects.requireNonNull(checkedAt, "'checkedAt' must not be null");
      Objects.requireNonNull(qr, "'qr' must not be null");
    }

    /** A state without a QR code. */
    public GatewayState(SessionState state, Instant checkedAt) {
      this(state, checkedAt, Optional.empty());
    }
  }
}
