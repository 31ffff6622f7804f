package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.contract.DailyTallyContract;

class InMemoryDailyTallyTest extends DailyTallyContract {

  @Override
  protected DailyTally newTally() {
    return new InMemoryDailyTally();
  }
}
