package com.feesmanager.automation.ports.out.contract;

import java.util.UUID;

/** Unique names for sessions, accounts and keys, so tests never see each other's data. */
public final class Unique {

  private Unique() {}

  /** {@code prefix} plus a random suffix, e.g. {@code session-3f9a0c1e}. */
  public static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
