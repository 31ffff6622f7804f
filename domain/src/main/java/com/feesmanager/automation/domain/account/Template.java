package com.feesmanager.automation.domain.account;

import java.util.Objects;

/** A message template document of an account (SPEC §1.3); its body uses SPEC §3's syntax. */
public record Template(String id, String name, String body) {

  public Template {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(body, "'body' must not be null");
  }
}
