package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.rule.Occurrence;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes each occurrence fire at most once across every process (SPEC §2). A claim is a lease: if
 * its holder dies before {@link #complete}, the occurrence can be claimed again after the lease,
 * and re-firing is harmless because enqueueing is idempotent by message key.
 */
public interface OccurrenceClaims {

  /** Tries to take the occurrence of the account for {@code lease}. */
  ClaimOutcome tryClaim(String uid, Occurrence occurrence, Instant now, Duration lease);

  /** The occurrence is done for good; it is never claimed again. */
  void complete(String uid, Occurrence occurrence, Instant now);

  /** The answer to {@link #tryClaim}. */
  enum ClaimOutcome {
    /** This caller holds it now. */
    CLAIMED,
    /** Another caller holds a live lease. */
    IN_PROGRESS,
    /** Already completed. */
    DONE
  }
}
