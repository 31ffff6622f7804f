package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.contract.SessionLeasesContract;

class InMemorySessionLeasesTest extends SessionLeasesContract {

  @Override
  protected SessionLeases newLeases() {
    return new InMemorySessionLeases();
  }
}
