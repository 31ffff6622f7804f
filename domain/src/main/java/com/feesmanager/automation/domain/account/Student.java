package com.feesmanager.automation.domain.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A student of an account, with the guardian's contact and the fee records (SPEC §1.2). */
public record Student(
    String id,
    String name,
    Optional<String> guardianName,
    Optional<String> phone,
    Optional<String> guardianPhone,
    Optional<String> className,
    boolean active,
    boolean optOut,
    List<FeeRecord> fees) {

  public Student {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(guardianName, "'guardianName' must not be null");
    Objects.requireNonNull(phone, "'phone' must not be null");
    Objects.requireNonNull(guardianPhone, "'guardianPhone' must not be null");
    Objects.requireNonNull(className, "'className' must not be null");
    fees = List.copyOf(fees);
    if (id.isBlank()) {
      throw new IllegalArgumentException("'id' must not be blank");
    }
  }

  /** Sum of the balances of every fee record. */
  public Money totalBalance() {
    Money total = Money.ZERO;
    for (FeeRecord fee : fees) {
      total = total.plus(fee.balance());
    }
    return total;
  }
}
