package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.contract.AlertGateContract;

class InMemoryAlertGateTest extends AlertGateContract {

  @Override
  protected AlertGate newGate() {
    return new InMemoryAlertGate();
  }
}
