package com.feesmanager.automation.domain.document;

import java.time.ZoneId;
import java.util.Objects;

/** Defaults from the environment for fields an account document leaves out (SPEC §1.1, §7). */
public record AccountDefaults(ZoneId timezone, String wppSession, int maxPerHour, int maxPerDay) {

  public static final AccountDefaults SPEC =
      new AccountDefaults(ZoneId.of("Asia/Karachi"), "default", 100, 1000);

  public AccountDefaults {
    Objects.requireNonNull(timezone, "'timezone' must not be null");
    Objects.requireNonNull(wppSession, "'wppSession' must not be null");
    if (maxPerHour <= 0 || maxPerDay <= 0) {
      throw new IllegalArgumentException("caps must be > 0");
    }
  }
}
