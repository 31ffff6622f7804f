package com.feesmanager.automation.ports.out;

/** Tells operators that something needs them (SPEC §8); de-duplication is the adapter's. */
public interface Alerts {

  void raise(Alert alert);
}
