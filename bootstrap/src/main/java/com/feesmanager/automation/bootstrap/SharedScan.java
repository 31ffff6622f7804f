package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.InfrastructureException;
import java.util.Optional;

/**
 * The one scan of the enabled accounts that the steps of a {@link Tick}, or of the daemon's minute
 * check, share: each scan reads every enabled account document (billed reads and time).
 */
public final class SharedScan {

  private SharedScan() {}

  /**
   * Scans the enabled accounts; empty when the store failed: each step then asks the directory
   * itself and reports the outage as it always did.
   */
  public static Optional<AccountScan> of(AccountDirectory accounts) {
    try {
      return Optional.of(accounts.enabledAccounts());
    } catch (InfrastructureException e) {
      return Optional.empty();
    }
  }
}
