package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.contract.SessionBindingsContract;

class InMemorySessionBindingsTest extends SessionBindingsContract {

  private final InMemorySessionBindings store = new InMemorySessionBindings();

  @Override
  protected SessionBindings newBindings() {
    return store.sharing();
  }
}
