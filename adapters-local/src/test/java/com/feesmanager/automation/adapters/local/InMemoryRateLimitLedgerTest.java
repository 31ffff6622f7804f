package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.contract.RateLimitLedgerContract;

class InMemoryRateLimitLedgerTest extends RateLimitLedgerContract {

  @Override
  protected RateLimitLedger newLedger() {
    return new InMemoryRateLimitLedger();
  }
}
