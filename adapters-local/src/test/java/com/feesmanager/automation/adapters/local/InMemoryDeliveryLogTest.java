package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.contract.DeliveryLogContract;

class InMemoryDeliveryLogTest extends DeliveryLogContract {

  @Override
  protected DeliveryLog newLog() {
    return new InMemoryDeliveryLog();
  }
}
