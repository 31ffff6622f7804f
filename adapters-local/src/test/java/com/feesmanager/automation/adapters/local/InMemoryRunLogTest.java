package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.contract.RunLogContract;

class InMemoryRunLogTest extends RunLogContract {

  @Override
  protected RunLog newRunLog() {
    return new InMemoryRunLog();
  }
}
