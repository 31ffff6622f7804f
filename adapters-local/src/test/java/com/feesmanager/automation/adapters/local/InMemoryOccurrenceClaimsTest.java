package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.contract.OccurrenceClaimsContract;

class InMemoryOccurrenceClaimsTest extends OccurrenceClaimsContract {

  @Override
  protected OccurrenceClaims newClaims() {
    return new InMemoryOccurrenceClaims();
  }
}
