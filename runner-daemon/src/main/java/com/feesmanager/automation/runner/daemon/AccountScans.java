package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.InfrastructureException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One query of the enabled accounts per minute check, shared by its steps (worker upkeep, firing)
 * and handed to the next gateway check, instead of each of them running the same query. A scan that
 * fails is empty: each step then asks the directory itself and reports the outage as it always did.
 */
final class AccountScans {

  private final AccountDirectory accounts;

  /** The latest minute's scan until a gateway check takes it (at most one check uses it). */
  private final AtomicReference<Optional<AccountScan>> forGateway =
      new AtomicReference<>(Optional.empty());

  AccountScans(AccountDirectory accounts) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
  }

  /** Scans the enabled accounts once for this minute check; empty when the store failed. */
  Optional<AccountScan> scan() {
    Optional<AccountScan> scan;
    try {
      scan = Optional.of(accounts.enabledAccounts());
    } catch (InfrastructureException e) {
      scan = Optional.empty();
    }
    forGateway.set(scan);
    return scan;
  }

  /**
   * The last minute check's scan, once: the next gateway check after a minute check (the one upkeep
   * asks for new sessions, or the periodic one) needs no query of its own; later ones read afresh,
   * so what a gateway check sees is never older than the latest minute check.
   */
  Optional<AccountScan> takeForGateway() {
    return forGateway.getAndSet(Optional.empty());
  }
}
