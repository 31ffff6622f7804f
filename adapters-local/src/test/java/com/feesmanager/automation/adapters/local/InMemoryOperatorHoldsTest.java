package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.contract.OperatorHoldsContract;

class InMemoryOperatorHoldsTest extends OperatorHoldsContract {

  private final InMemoryOperatorHolds store = new InMemoryOperatorHolds();

  @Override
  protected OperatorHolds newHolds() {
    return store.sharing();
  }
}
