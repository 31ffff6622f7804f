package com.feesmanager.automation.domain.account;

import java.time.ZoneId;
import java.util.Objects;

/** One Fees Manager account (a tutor or academy; the tenant), SPEC §1.1 with defaults applied. */
public record AccountSettings(
    String uid, String academyName, ZoneId timezone, String currency, Automation automation) {

  public AccountSettings {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(academyName, "'academyName' must not be null");
    Objects.requireNonNull(timezone, "'timezone' must not be null");
    Objects.requireNonNull(currency, "'currency' must not be null");
    Objects.requireNonNull(automation, "'automation' must not be null");
    if (uid.isBlank()) {
      throw new IllegalArgumentException("'uid' must not be blank");
    }
  }
}
