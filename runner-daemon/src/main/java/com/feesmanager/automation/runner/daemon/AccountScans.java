package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.bootstrap.SharedScan;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One query of the enabled accounts per minute check, shared by its steps (worker upkeep, firing,
 * heartbeats) and handed to the next gateway check, instead of each of them running the same query
 * ({@link SharedScan}: a scan that fails is empty).
 */
final class AccountScans {

  private final AccountDirectory accounts;

  /** The latest minute's scan until a gateway check takes it (at most one check uses it). */
  private final AtomicReference<Optional<AccountScan>> forGateway =
      new AtomicReference<>(Optional.empty());

  /** The latest minute check's scan, for its heartbeats (which run after its firing). */
  private final AtomicReference<Optional<AccountScan>> latest =
      new AtomicReference<>(Optional.empty());

  AccountScans(AccountDirectory accounts) {
    this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
  }

  /** Scans the enabled accounts once for this minute check; empty when the store failed. */
  Optional<AccountScan> scan() {
    Optional<AccountScan> scan = SharedScan.of(accounts);
    forGateway.set(scan);
    latest.set(scan);
    return scan;
  }

  /**
   * The latest minute check's scan, for its heartbeats; empty before the first one and after a
   * failed one (the heartbeats then scan for themselves, as firing does).
   */
  Optional<AccountScan> latest() {
    return latest.get();
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
